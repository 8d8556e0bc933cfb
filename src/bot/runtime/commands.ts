import type { BotCommand } from "grammy/types";
import type { Translate } from "../i18n.js";

export const CUSTOMER_COMMANDS = ["start", "services", "mass", "orders", "balance", "topup", "support", "language", "apikey", "cancel"] as const;

export function commandsFor(t: Translate): BotCommand[] {
  return CUSTOMER_COMMANDS.map((command) => ({ command, description: t(`cmd-${command}`) }));
}

/** Admins also see /dashboard and /broadcast in their private chat with the bot. */
export function adminCommandsFor(t: Translate): BotCommand[] {
  return [...commandsFor(t), { command: "dashboard", description: t("cmd-dashboard") }, { command: "broadcast", description: t("cmd-broadcast") }];
}
