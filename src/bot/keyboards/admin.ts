import { InlineKeyboard } from "grammy";
import { allowedActions, type OrderAction, type OrderForActions } from "../../orders/lifecycle/index.js";
import type { Translate } from "../i18n.js";

/** Callback data of admin buttons: `adm:<what>:<action>:<id>`. */
export const ADMIN_CALLBACK = /^adm:(tu|o|rs):([a-z]+):(\d+)$/;

export function topUpButtons(t: Translate, topUpId: number): InlineKeyboard {
  return new InlineKeyboard().text(t("btn-approve"), `adm:tu:approve:${topUpId}`).text(t("btn-reject"), `adm:tu:reject:${topUpId}`);
}

export function resellerRequestButtons(t: Translate, userId: number): InlineKeyboard {
  return new InlineKeyboard().text(t("btn-approve"), `adm:rs:approve:${userId}`).text(t("btn-reject"), `adm:rs:reject:${userId}`);
}

/** The admin chat's button for each admin action of the life cycle: label and callback code. */
export const ADMIN_ORDER_BUTTONS: Record<AdminOrderAction, { label: string; code: string }> = {
  take: { label: "btn-take", code: "take" },
  mark_done: { label: "btn-done", code: "done" },
  resubmit: { label: "btn-resubmit", code: "resubmit" },
  reconcile_not_placed: { label: "btn-not-placed", code: "notplaced" },
  reconcile_not_placed_refund: { label: "btn-not-placed-refund", code: "notplacedrefund" },
  reconcile_placed: { label: "btn-placed-as", code: "placed" },
  sync: { label: "btn-sync", code: "sync" },
  cancel: { label: "btn-cancel-refund", code: "cancel" },
};
type AdminOrderAction = Exclude<OrderAction, "request_cancel" | "refill">;

/** The admin actions the life cycle allows for the order now, two buttons a row. */
export function orderButtons(t: Translate, order: { id: number } & OrderForActions): InlineKeyboard | undefined {
  const actions = allowedActions(order, "admin") as AdminOrderAction[];
  if (actions.length === 0) return undefined;
  const k = new InlineKeyboard();
  actions.forEach((action, i) => {
    if (i > 0 && i % 2 === 0) k.row();
    const button = ADMIN_ORDER_BUTTONS[action];
    k.text(t(button.label), `adm:o:${button.code}:${order.id}`);
  });
  return k;
}
