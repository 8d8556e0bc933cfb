import { InlineKeyboard } from "grammy";
import type { Translate } from "../i18n.js";

/** Reasons an admin picks when rejecting a top-up; stored as the code, shown in each reader's language. */
export const REJECT_REASONS = ["trx_not_found", "amount_mismatch", "wrong_number", "duplicate"] as const;

/** `adm:tr:<reason>:<topUpId>`; `typed` asks the admin to write one, `back` shows Approve/Reject again. */
export const REJECT_CALLBACK = /^adm:tr:([a-z_]+):(\d+)$/;

export function rejectReasonButtons(t: Translate, topUpId: number): InlineKeyboard {
  const k = new InlineKeyboard();
  for (const reason of REJECT_REASONS) k.text(t(`topup-reject-reason-${reason}`), `adm:tr:${reason}:${topUpId}`).row();
  return k.text(t("btn-reject-typed"), `adm:tr:typed:${topUpId}`).text(t("btn-back"), `adm:tr:back:${topUpId}`);
}

/** A picked reason in the reader's language; a typed one as the admin wrote it. */
export function rejectReasonText(t: Translate, reason: string | null): string {
  if (!reason) return "—";
  return (REJECT_REASONS as readonly string[]).includes(reason) ? t(`topup-reject-reason-${reason}`) : reason;
}
