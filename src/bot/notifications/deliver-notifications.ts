import { GrammyError, type Api } from "grammy";
import type { Deps } from "../../deps.js";
import { claimOutbox, completeOutbox, retryOutbox, type OutboxScope } from "../../outbox/claim.js";
import type { OutboxPayloads } from "../../outbox/kinds.js";
import type { NotifyKind } from "./kinds.js";
import { loadI18n, type I18n } from "../i18n.js";
import { NoRecipientError } from "./no-recipient.js";
import { markBotBlocked } from "../../users/bot-reachability.js";
import { sendAdminPayment } from "./send-admin-payment.js";
import { sendAdminProvider } from "./send-admin-provider.js";
import { sendAdminOrder } from "./send-admin-order.js";
import { sendAdminTopUp } from "./send-admin-topup.js";
import { sendCustomerStuck } from "./send-customer-stuck.js";
import { sendCustomerTicket } from "./send-customer-ticket.js";
import { sendCustomerTopUp } from "./send-customer-topup.js";
import { sendDelivery } from "./send-delivery.js";
import { sendAdminReseller, sendCustomerReseller } from "./send-reseller.js";

type Sender<K extends NotifyKind> = (deps: Deps, api: Api, i18n: I18n, payload: OutboxPayloads[K]) => Promise<void>;

const SENDERS: { [K in NotifyKind]: Sender<K> } = {
  "notify-delivery": sendDelivery,
  "notify-customer-stuck": sendCustomerStuck,
  "notify-admin-topup": sendAdminTopUp,
  "notify-admin-order": sendAdminOrder,
  "notify-customer-topup": sendCustomerTopUp,
  "notify-admin-payment": sendAdminPayment,
  "notify-customer-ticket": sendCustomerTicket,
  "notify-admin-provider": sendAdminProvider,
  "notify-admin-reseller": sendAdminReseller,
  "notify-customer-reseller": sendCustomerReseller,
};

export interface DeliverOptions {
  i18n?: I18n;
  /** Items per kind per call. */
  batch?: number;
  /** How long a claimed item is reserved for this call. */
  lockMs?: number;
  /** Only these orders' / top-ups' items (default: everything due). */
  scope?: OutboxScope;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  dropped: number;
}

let sharedI18n: Promise<I18n> | undefined;

/**
 * Sends the notify-* outbox items that are due, each once: an item is claimed, sent, then marked
 * done; a failed send is left for the next call. Items whose chat will never accept a message
 * (the user blocked the bot, the chat is gone) are marked done with the error, not retried forever.
 */
export async function deliverNotifications(deps: Deps, api: Api, options: DeliverOptions = {}): Promise<DeliveryReport> {
  const i18n = options.i18n ?? (await (sharedI18n ??= loadI18n()));
  const report: DeliveryReport = { sent: 0, failed: 0, dropped: 0 };
  const kinds = Object.keys(SENDERS) as NotifyKind[];
  // Right after an action (scoped: a handful of items) every kind is claimed in one statement; the
  // scheduled run claims kind by kind, so each claim's lock only has to outlast one batch of sends.
  for (const group of options.scope ? [kinds] : kinds.map((k) => [k])) {
    const items = await claimOutbox(deps.db, group, options.batch ?? 50, options.lockMs ?? 60_000, deps.now(), options.scope);
    for (const item of items) {
      const kind = item.kind;
      try {
        await (SENDERS[kind] as Sender<NotifyKind>)(deps, api, i18n, item.payload);
        await completeOutbox(deps.db, item.id, deps.now());
        report.sent += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (isPermanent(kind, error)) {
          deps.logger.warn({ err: error, kind, outboxId: String(item.id) }, "Notification cannot be delivered; dropping it");
          const blockedChat = blockedBy(error);
          if (blockedChat !== null) await markBotBlocked(deps, { telegramId: blockedChat });
          await deps.db.outbox.update({ where: { id: item.id }, data: { doneAt: deps.now(), lockedUntil: null, lastError: message.slice(0, 1000) } });
          report.dropped += 1;
        } else {
          deps.logger.warn({ err: error, kind, outboxId: String(item.id) }, "Notification failed; retrying on the next run");
          await retryOutbox(deps.db, item.id, message, deps.now());
          report.failed += 1;
        }
      }
    }
  }
  return report;
}

/** The private chat whose user blocked the bot (403 to a positive chat id), else null. */
function blockedBy(error: unknown): bigint | null {
  if (!(error instanceof GrammyError) || error.error_code !== 403) return null;
  const chatId = (error.payload as { chat_id?: unknown } | undefined)?.chat_id;
  return (typeof chatId === "number" || typeof chatId === "string") && /^\d+$/.test(String(chatId)) ? BigInt(chatId) : null;
}

/** Customers who blocked the bot or deleted their chat will never get it; the admin chat must be fixed, so it keeps trying. */
function isPermanent(kind: NotifyKind, error: unknown): boolean {
  if (error instanceof NoRecipientError) return true;
  if (!(error instanceof GrammyError) || kind.startsWith("notify-admin")) return false;
  return error.error_code === 403 || (error.error_code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(error.description));
}
