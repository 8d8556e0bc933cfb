import type { Api } from "grammy";
import type { Deps } from "../../deps.js";
import type { ResellerEvent } from "../../outbox/kinds.js";
import { who } from "../format.js";
import { asLocale, type I18n } from "../i18n.js";
import { resellerRequestButtons } from "../keyboards/admin.js";
import { adminLocale, adminTargets } from "./admin-targets.js";
import { NoRecipientError } from "./no-recipient.js";

/** A customer's request for reseller access in the admin chat, with Approve / Reject. */
export async function sendAdminReseller(deps: Deps, api: Api, i18n: I18n, payload: { userId: number; requestedAt: number }): Promise<void> {
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: payload.userId } });
  if (user.resellerRequestedAt === null || user.role !== "CUSTOMER") return;
  const targets = adminTargets(deps.config);
  if (targets.length === 0) throw new NoRecipientError("No ADMIN_CHAT_ID or ADMIN_IDS configured");
  const t = i18n.translator(adminLocale(deps.config));
  const text = t("admin-reseller-request", { id: String(user.id), user: who(user) });
  for (const chatId of targets) await api.sendMessage(chatId, text, { reply_markup: resellerRequestButtons(t, user.id) });
}

/** Tells the user, in their language, that reseller access was granted, taken back or refused. */
export async function sendCustomerReseller(deps: Deps, api: Api, i18n: I18n, payload: { userId: number; event: ResellerEvent; at: number }): Promise<void> {
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: payload.userId } });
  if (user.telegramId === null) throw new NoRecipientError(`User ${user.id} has no Telegram chat`);
  const t = i18n.translator(asLocale(user.language));
  await api.sendMessage(Number(user.telegramId), t(`reseller-${payload.event}`));
}
