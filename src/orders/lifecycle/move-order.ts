import type { OrderStatus, Prisma } from "@prisma/client";
import type { Tx } from "../../db/client.js";
import { InvalidStateError } from "../../shared/errors.js";
import { rulesFor, type OrderEvent, type Role } from "./transitions.js";

export interface MoveOrder {
  event: OrderEvent;
  /** Who triggers it: only the table's rows for this role apply. */
  by: Role;
  /** When (the use-case's deps.now()): the order's updatedAt. */
  at: Date;
  /** Everything else the transition writes (timestamps, provider ids, …); never the status. */
  data?: Omit<Prisma.OrderUncheckedUpdateManyInput, "status">;
  /** Narrows the guard further (e.g. "the status I read", "the lease ran out"). */
  where?: Prisma.OrderWhereInput;
}

/** Where the order must stand for `event` by `by`: any of its rows' from-statuses (manual/auto as the row says). */
export function guardFor(event: OrderEvent, by: Role): { to: OrderStatus; where: Prisma.OrderWhereInput } {
  const rules = rulesFor(event);
  const to = rules[0]?.to;
  if (!to || rules.some((r) => r.to !== to)) throw new Error(`Order event ${event} does not change the status`);
  const mine = rules.filter((r) => r.by.includes(by));
  // No row for this role: a guard no order matches, so the move changes nothing.
  if (mine.length === 0) return { to, where: { id: -1 } };
  const where = mine.map((r) => ({
    status: { in: [...r.from] },
    ...(r.only ? { isManual: r.only === "manual" } : {}),
  }));
  return { to, where: { OR: where } };
}

/**
 * The only writer of Order.status: a conditional update guarded by the from-statuses the table
 * allows for this event, so a concurrent transition makes this one change nothing.
 * Returns whether this call moved the order.
 */
export async function moveOrder(tx: Tx, orderId: number, move: MoveOrder): Promise<boolean> {
  const { to, where } = guardFor(move.event, move.by);
  const moved = await tx.order.updateMany({
    where: { id: orderId, AND: [where, move.where ?? {}] },
    data: { ...move.data, status: to, updatedAt: move.at },
  });
  return moved.count === 1;
}

/** moveOrder, or an InvalidStateError with `message` when the order was not where the event needs it. */
export async function moveOrderOrThrow(tx: Tx, orderId: number, move: MoveOrder, message: string, details: Record<string, unknown> = {}): Promise<void> {
  if (!(await moveOrder(tx, orderId, move))) throw new InvalidStateError(message, { orderId, ...details });
}
