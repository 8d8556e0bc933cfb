import type { UserFromGetMe } from "grammy/types";

/** What getMe would answer for our bot, for bots that never ask Telegram (try page, tests, bench). */
export function localBotInfo(id: number, username: string): UserFromGetMe {
  return {
    id,
    is_bot: true,
    first_name: "panelbot",
    username,
    can_join_groups: true,
    can_read_all_group_messages: true,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  } as UserFromGetMe;
}
