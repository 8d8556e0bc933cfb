import type { Order } from "@prisma/client";
import type { Deps } from "../deps.js";
import { placeOrders } from "../orders/place-orders.js";
import { NotFoundError } from "../shared/errors.js";
import { ensureTelegramUser, type TelegramProfile } from "../users/ensure-telegram-user.js";

export interface GroupQuickOrderInput {
  chatId: bigint;
  /** The `.N` message: with the chat id it names the order, so a redelivered message changes nothing. */
  messageId: number;
  telegramUser: TelegramProfile;
  /** The N of `.N`, as typed. */
  quantity: unknown;
}

export interface GroupQuickOrder {
  order: Order;
  created: boolean;
}

/**
 * A `.N` message in a registered group: a manual order for N units by the sender, charged at the
 * group's rate to the group's account (which may go down to minus its credit limit).
 */
export async function placeGroupQuickOrder(deps: Deps, input: GroupQuickOrderInput): Promise<GroupQuickOrder> {
  const group = await deps.db.group.findUnique({ where: { chatId: input.chatId } });
  if (!group || !group.active || group.serviceId === null) throw new NotFoundError("Group", String(input.chatId));
  const user = await ensureTelegramUser(deps, input.telegramUser);
  const { orders, created } = await placeOrders(deps, {
    userId: user.id,
    order: { serviceId: group.serviceId, link: "", quantity: input.quantity },
    group: { chatId: input.chatId, messageId: input.messageId, accountId: group.accountId, rate: group.rate, title: group.title },
  });
  return { order: orders[0]!, created };
}
