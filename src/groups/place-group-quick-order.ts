import type { Order } from "@prisma/client";
import type { Deps } from "../deps.js";
import { placeOrders } from "../orders/place-orders.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../shared/errors.js";
import { validateUid } from "../orders/validate-input.js";
import { ensureTelegramUser, type TelegramProfile } from "../users/ensure-telegram-user.js";

export interface GroupQuickOrderInput {
  chatId: bigint;
  /** The `.N` message: with the chat id it names the order, so a redelivered message changes nothing. */
  messageId: number;
  telegramUser: TelegramProfile;
  /** The N of `.N`, as typed. */
  quantity: unknown;
  /** The player id typed after N (`.10 123456789`); else the member's default in this group. */
  playerId?: string;
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
  const memberKey = { groupId_userId: { groupId: group.id, userId: user.id } };
  const member = await deps.db.groupMember.findUnique({ where: memberKey });
  const playerId = input.playerId ?? member?.playerId;
  if (playerId === undefined) throw new ValidationError("link", "player_id_required", "Name the player id: .N <player id>");
  const { orders, created } = await placeOrders(deps, {
    userId: user.id,
    order: { serviceId: group.serviceId, link: playerId, quantity: input.quantity },
    group: { chatId: input.chatId, messageId: input.messageId, accountId: group.accountId, rate: group.rate, title: group.title },
  });
  const order = orders[0]!;
  // The first id a member names becomes their default, so they are asked only once.
  if (created && !member) {
    await deps.db.groupMember.upsert({ where: memberKey, create: { groupId: group.id, userId: user.id, playerId: order.link }, update: {} });
  }
  return { order, created };
}

/** A member sets (or changes) their default player id in a registered group: `/playerid 123456789`. */
export async function setGroupPlayerId(deps: Deps, input: { chatId: bigint; telegramUser: TelegramProfile; playerId: string }): Promise<string> {
  const { db } = deps;
  const group = await db.group.findUnique({ where: { chatId: input.chatId } });
  if (!group || !group.active) throw new NotFoundError("Group", String(input.chatId));
  const playerId = validateUid(input.playerId);
  const user = await ensureTelegramUser(deps, input.telegramUser);
  if (user.blocked) throw new ForbiddenError("This account is blocked");
  await db.groupMember.upsert({
    where: { groupId_userId: { groupId: group.id, userId: user.id } },
    create: { groupId: group.id, userId: user.id, playerId },
    update: { playerId },
  });
  return playerId;
}
