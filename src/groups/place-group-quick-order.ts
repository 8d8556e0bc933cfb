import type { Order } from "@prisma/client";
import type { Deps } from "../deps.js";
import { isUniqueViolation, transaction } from "../db/transaction.js";
import { loadOrderableService, prepareOrder } from "../orders/prepare-order.js";
import { writeOrder } from "../orders/write-orders.js";
import { ForbiddenError, NotFoundError } from "../shared/errors.js";
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
  const { db } = deps;
  const earlier = await findByMessage(deps, input.chatId, input.messageId);
  if (earlier) return { order: earlier, created: false };
  const group = await db.group.findUnique({ where: { chatId: input.chatId } });
  if (!group || !group.active || group.serviceId === null) throw new NotFoundError("Group", String(input.chatId));
  const user = await ensureTelegramUser(db, input.telegramUser);
  if (user.blocked) throw new ForbiddenError("This account is blocked");
  const service = await loadOrderableService(db, group.serviceId);
  // The group's rate replaces the service price, and a quick order names no player id.
  const draft = prepareOrder(
    { ...service, linkKind: "NONE", price: group.rate, priceUnit: "PER_UNIT" },
    { serviceId: service.id, link: "", quantity: input.quantity },
  );
  try {
    const order = await transaction(db, (tx) =>
      writeOrder(tx, { userId: user.id, accountId: group.accountId, source: "GROUP" }, { ...draft, service, pricedAt: null }, {
        isManual: true,
        adminNotes: group.title ? `Group: ${group.title}` : undefined,
        groupChatId: input.chatId,
        groupMessageId: input.messageId,
      }),
    );
    return { order, created: true };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await findByMessage(deps, input.chatId, input.messageId);
      if (winner) return { order: winner, created: false };
    }
    throw error;
  }
}

function findByMessage(deps: Deps, chatId: bigint, messageId: number): Promise<Order | null> {
  return deps.db.order.findUnique({ where: { groupChatId_groupMessageId: { groupChatId: chatId, groupMessageId: messageId } } });
}
