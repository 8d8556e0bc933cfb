import type { Language, TicketType } from "@prisma/client";
import type { TicketOutcome } from "../tickets/ticket-outcomes.js";
import { money } from "./format.js";
import type { Translate } from "./i18n.js";

export function outcomeText(t: Translate, locale: Language, currency: string, o: TicketOutcome): string {
  const id = String(o.orderId);
  switch (o.kind) {
    case "canceled":
      return t("ticket-out-canceled", { id, refund: money(locale, o.refund, currency) });
    case "cancel_requested":
      return t("ticket-out-cancel-requested", { id });
    case "cannot_cancel":
      return t("ticket-out-cannot-cancel", { id, status: t(`status-${o.status}`) });
    case "needs_admin":
      return t("ticket-out-needs-admin", { id, status: t(`status-${o.status}`) });
    case "refill_requested":
      return t("ticket-out-refill-requested", { id, refill: String(o.refillId) });
    case "refill_unsupported":
      return t("ticket-out-refill-unsupported", { id });
    case "refill_not_completed":
      return t("ticket-out-refill-not-completed", { id, status: t(`status-${o.status}`) });
    case "refill_refused":
      return t("ticket-out-refill-refused", {
        id,
        reason: o.reason,
        ...(o.date !== undefined ? { date: o.date } : {}),
        ...(o.max !== undefined ? { max: String(o.max) } : {}),
        ...(o.hours !== undefined ? { hours: String(o.hours) } : {}),
      });
    case "progress":
      return t("ticket-out-progress", {
        id,
        status: t(`status-${o.status}`),
        start: o.startCount === null ? "—" : String(o.startCount),
        delivered: o.delivered === null ? "—" : String(o.delivered),
        remains: o.remains === null ? "—" : String(o.remains),
      });
  }
}

/** The same outcome for admins: what the customer was told, plus the provider's refusal in its own words. */
export function adminOutcomeText(t: Translate, locale: Language, currency: string, o: TicketOutcome): string {
  const line = outcomeText(t, locale, currency, o);
  return o.kind === "needs_admin" && o.providerError ? `${line}\n${t("admin-provider-refused", { error: o.providerError })}` : line;
}

/** The customer's answer to a new ticket: automatic results (labelled so), or "an admin will answer". */
export function ticketAnswer(t: Translate, locale: Language, currency: string, ticketId: number, outcomes: TicketOutcome[], answered: boolean): string {
  const head = t("ticket-created", { id: String(ticketId) });
  if (outcomes.length === 0) return `${head}\n\n${t("ticket-admin-will-answer")}`;
  const body = [t("ticket-auto-label"), ...outcomes.map((o) => outcomeText(t, locale, currency, o))].join("\n");
  return `${head}\n\n${body}${answered ? "" : `\n\n${t("ticket-left-open")}`}`;
}

export function ticketTypeText(t: Translate, type: TicketType): string {
  return t(`ticket-type-${type}`);
}
