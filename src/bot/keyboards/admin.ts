import type { OrderStatus } from "@prisma/client";
import { InlineKeyboard } from "grammy";
import type { Translate } from "../i18n.js";

/** Callback data of admin buttons: `adm:<what>:<action>:<id>`. */
export const ADMIN_CALLBACK = /^adm:(tu|o|rs):([a-z]+):(\d+)$/;

export function topUpButtons(t: Translate, topUpId: number): InlineKeyboard {
  return new InlineKeyboard().text(t("btn-approve"), `adm:tu:approve:${topUpId}`).text(t("btn-reject"), `adm:tu:reject:${topUpId}`);
}

export function resellerRequestButtons(t: Translate, userId: number): InlineKeyboard {
  return new InlineKeyboard().text(t("btn-approve"), `adm:rs:approve:${userId}`).text(t("btn-reject"), `adm:rs:reject:${userId}`);
}

/** The actions that make sense for an order in its current state. */
export function orderButtons(t: Translate, order: { id: number; status: OrderStatus; isManual: boolean }): InlineKeyboard | undefined {
  const k = new InlineKeyboard();
  const id = order.id;
  if (order.isManual && order.status === "PENDING") return k.text(t("btn-take"), `adm:o:take:${id}`).text(t("btn-done"), `adm:o:done:${id}`).row().text(t("btn-cancel-refund"), `adm:o:cancel:${id}`);
  if (order.isManual && order.status === "IN_PROGRESS") return k.text(t("btn-done"), `adm:o:done:${id}`).text(t("btn-cancel-refund"), `adm:o:cancel:${id}`);
  if (order.status === "FAILED") return k.text(t("btn-resubmit"), `adm:o:resubmit:${id}`).text(t("btn-cancel-refund"), `adm:o:cancel:${id}`);
  // No plain cancel for UNKNOWN: the provider may be delivering it; the admin says placed / not placed.
  if (order.status === "UNKNOWN") {
    return k.text(t("btn-not-placed"), `adm:o:notplaced:${id}`).row().text(t("btn-not-placed-refund"), `adm:o:notplacedrefund:${id}`).row().text(t("btn-placed-as"), `adm:o:placed:${id}`);
  }
  return undefined;
}
