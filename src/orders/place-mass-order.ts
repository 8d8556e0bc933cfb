import type { Order, OrderSource } from "@prisma/client";
import type { Db } from "../db/client.js";
import { isUniqueViolation, transaction } from "../db/transaction.js";
import { BatchValidationError, DomainError, ValidationError } from "../shared/errors.js";
import { requireActiveCustomer } from "../users/require-active-customer.js";
import { checkIdempotencyKey } from "./place-order.js";
import { loadOrderableService, prepareOrder, type OrderDraft, type OrderableService } from "./prepare-order.js";
import { keyReused, sameBatch } from "./same-request.js";
import { writeOrder } from "./write-orders.js";

export const MAX_MASS_ORDER_LINES = 100;

export interface MassOrderInput {
  userId: number;
  /** One `service_id | link | quantity` per line. */
  text: string;
  source?: OrderSource;
  idempotencyKey?: string;
}

export interface MassOrderResult {
  orders: Order[];
  created: boolean;
}

/** Validates every line first; then places all orders in one transaction, or none. */
export async function placeMassOrder(db: Db, input: MassOrderInput): Promise<MassOrderResult> {
  checkIdempotencyKey(input.idempotencyKey);
  if (input.idempotencyKey) {
    const earlier = await findBatch(db, input.userId, input.idempotencyKey);
    if (earlier.length) return replayBatch(earlier, input.text);
  }
  const { accountId } = await requireActiveCustomer(db, input.userId);
  const drafts = await prepareLines(db, input.text, input.userId);
  const owner = { userId: input.userId, accountId, source: input.source ?? "BOT" };
  try {
    const orders = await transaction(db, async (tx) => {
      const written: Order[] = [];
      for (const [i, d] of drafts.entries()) {
        const key = input.idempotencyKey ? `${input.idempotencyKey}#${i + 1}` : undefined;
        written.push(await writeOrder(tx, owner, d, { idempotencyKey: key, batchId: input.idempotencyKey }));
      }
      return written;
    });
    return { orders, created: true };
  } catch (error) {
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const winner = await findBatch(db, input.userId, input.idempotencyKey);
      if (winner.length) return replayBatch(winner, input.text);
    }
    throw error;
  }
}

async function prepareLines(db: Db, text: string, buyerId: number): Promise<OrderDraft[]> {
  const lines = text
    .split(/\r?\n/)
    .map((raw, i) => ({ raw: raw.trim(), line: i + 1 }))
    .filter((l) => l.raw.length > 0);
  if (lines.length === 0) throw new ValidationError("text", "mass_order_empty", "No order lines");
  if (lines.length > MAX_MASS_ORDER_LINES) {
    throw new ValidationError("text", "mass_order_too_long", `At most ${MAX_MASS_ORDER_LINES} lines per mass order`, { max: MAX_MASS_ORDER_LINES });
  }
  const services = new Map<number, Promise<OrderableService>>();
  const drafts: OrderDraft[] = [];
  const errors: { line: number; error: DomainError }[] = [];
  for (const { raw, line } of lines) {
    try {
      const parts = raw.split("|").map((p) => p.trim());
      if (parts.length !== 3 || !/^[1-9][0-9]{0,9}$/.test(parts[0]!)) {
        throw new ValidationError("text", "mass_order_line_format", "Write each line as: service_id | link | quantity");
      }
      const serviceId = Number(parts[0]);
      if (!services.has(serviceId)) services.set(serviceId, loadOrderableService(db, serviceId, buyerId));
      const service = await services.get(serviceId)!;
      drafts.push(prepareOrder(service, { serviceId, link: parts[1], quantity: parts[2] }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      errors.push({ line, error });
    }
  }
  if (errors.length) throw new BatchValidationError(errors);
  return drafts;
}

/** The earlier batch, if `text` names the same orders again; any different line is a reused key. */
function replayBatch(orders: Order[], text: string): MassOrderResult {
  if (!sameBatch(orders, text)) throw keyReused(orders[0]!.id);
  return { orders, created: false };
}

function findBatch(db: Db, userId: number, batchId: string): Promise<Order[]> {
  return db.order.findMany({ where: { userId, batchId }, orderBy: { id: "asc" } });
}
