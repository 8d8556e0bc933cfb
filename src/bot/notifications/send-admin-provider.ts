import type { Api } from "grammy";
import type { Deps } from "../../deps.js";
import type { OutboxPayloads } from "../../outbox/kinds.js";
import type { I18n } from "../i18n.js";
import { adminLocale, adminTargets } from "./admin-targets.js";
import { NoRecipientError } from "./no-recipient.js";

/** A provider's balance fell below its alert threshold, or recovered. */
export async function sendAdminProvider(deps: Deps, api: Api, i18n: I18n, payload: OutboxPayloads["notify-admin-provider"]): Promise<void> {
  const provider = await deps.db.provider.findUnique({ where: { id: payload.providerId } });
  const targets = adminTargets(deps.config);
  if (targets.length === 0) throw new NoRecipientError("No ADMIN_CHAT_ID or ADMIN_IDS configured");
  const t = i18n.translator(adminLocale(deps.config));
  const text = t(payload.event === "low_balance" ? "admin-provider-low" : "admin-provider-recovered", {
    provider: provider?.name ?? `#${payload.providerId}`,
    balance: `${payload.balance} ${payload.currency}`,
    threshold: `${payload.threshold} ${payload.currency}`,
  });
  for (const chatId of targets) await api.sendMessage(chatId, text);
}
