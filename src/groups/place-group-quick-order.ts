import type { Order } from "@prisma/client";
import type { Deps } from "../deps.js";
import { isUniqueViolation, transaction } from "../db/transaction.js";
import { loadOrderableService, prepareOrder } from "../orders/prepare-order.js";
import { writeOrder } from "../orders/write-orders.js";
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
  const { db } = deps;
  const earlier = await findByMessage(deps, input.chatId, input.messageId);
  if (earlier) return { order: earlier, created: false };
  const group = await db.group.findUnique({ where: { chatId: input.chatId } });
  if (!group || !group.active || group.serviceId === null) throw new NotFoundError("Group", String(input.chatId));
  const user = await ensureTelegramUser(db, input.telegramUser);
  if (user.blocked) throw new ForbiddenError("This account is blocked");
  const service = await loadOrderableService(db, group.serviceId);
  const member = await db.groupMember.findUnique({ where: { groupId_userId: { groupId: group.id, userId: user.id } } });
  const playerId = input.playerId ?? member?.playerId;
  if (playerId === undefined) throw new ValidationError("link", "player_id_required", "Name the player id: .N <player id>");
  // The group's rate replaces the service price; the player id is what the admin delivers to.
  const draft = prepareOrder(
    { ...service, linkKind: "UID", price: group.rate, priceUnit: "PER_UNIT" },
    { serviceId: service.id, link: playerId, quantity: input.quantity },
  );
  try {
    const order = await transaction(db, async (tx) => {
      // The first id a member names becomes their default, so they are asked only once.
      if (!member) {
        const key = { groupId_userId: { groupId: group.id, userId: user.id } };
        await tx.groupMember.upsert({ where: key, create: { groupId: group.id, userId: user.id, playerId: draft.link }, update: {} });
      }
      return writeOrder(tx, { userId: user.id, accountId: group.accountId, source: "GROUP" }, { ...draft, service, pricedAt: null }, {
        isManual: true,
        adminNotes: group.title ? `Group: ${group.title}` : undefined,
        groupChatId: input.chatId,
        groupMessageId: input.messageId,
      });
    });
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

/** A member sets (or changes) their default player id in a registered group: `/playerid 123456789`. */
export async function setGroupPlayerId(deps: Deps, input: { chatId: bigint; telegramUser: TelegramProfile; playerId: string }): Promise<string> {
  const { db } = deps;
  const group = await db.group.findUnique({ where: { chatId: input.chatId } });
  if (!group || !group.active) throw new NotFoundError("Group", String(input.chatId));
  const playerId = validateUid(input.playerId);
  const user = await ensureTelegramUser(db, input.telegramUser);
  if (user.blocked) throw new ForbiddenError("This account is blocked");
  await db.groupMember.upsert({
    where: { groupId_userId: { groupId: group.id, userId: user.id } },
    create: { groupId: group.id, userId: user.id, playerId },
    update: { playerId },
  });
  return playerId;
}
