import type { Deps } from "../deps.js";
import type { Group } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Db } from "../db/client.js";
import { isUniqueViolation, transaction } from "../db/transaction.js";
import { Decimal } from "../money/decimal.js";
import { ConflictError, ForbiddenError, ValidationError } from "../shared/errors.js";
import { parseDecimalText } from "../shared/numbers.js";

export interface RegisterGroupInput {
  chatId: bigint;
  title?: string | null;
  /** Price per unit (diamond) in shop currency, as typed by the admin. */
  rate: string;
  /** How far below zero the group's account may go (its "due"). */
  creditLimit: string;
  actor: Actor;
  /** The manual service quick orders are recorded against; defaults to the shop's per-unit manual service. */
  serviceId?: number;
}

/** An admin registers a reseller's Telegram group: a GROUP account with a credit limit, and a rate per unit. */
export async function registerGroup(deps: Deps, input: RegisterGroupInput): Promise<Group> {
  const { db } = deps;
  if (!input.actor.isAdmin) throw new ForbiddenError("Only admins register groups");
  const rate = parseDecimalText(input.rate, 6);
  if (rate === null || new Decimal(rate).lte(0)) {
    throw new ValidationError("rate", "group_rate_invalid", "The rate must be a positive number like 0.85");
  }
  const creditLimit = parseDecimalText(input.creditLimit, 4);
  if (creditLimit === null) {
    throw new ValidationError("creditLimit", "group_credit_invalid", "The credit limit must be a number like 5000");
  }
  const serviceId = input.serviceId ?? (await defaultQuickOrderService(db));
  const service = await db.service.findUnique({ where: { id: serviceId } });
  if (!service || service.mode !== "MANUAL") {
    throw new ValidationError("serviceId", "group_service_invalid", "Quick orders need an active manual service", { serviceId });
  }
  try {
    return await transaction(db, async (tx) => {
      const account = await tx.account.create({ data: { kind: "GROUP", creditLimit } });
      const group = await tx.group.create({
        data: {
          chatId: input.chatId,
          title: input.title ?? null,
          rate,
          accountId: account.id,
          serviceId,
          registeredById: input.actor.userId ?? null,
        },
      });
      await writeAudit(tx, input.actor, { action: "group.register", entity: "Group", entityId: group.id, after: group });
      return group;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("group_exists", "This group is already registered", { chatId: String(input.chatId) });
    throw error;
  }
}

async function defaultQuickOrderService(db: Db): Promise<number> {
  const service = await db.service.findFirst({
    where: { mode: "MANUAL", priceUnit: "PER_UNIT", active: true },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (!service) throw new ValidationError("serviceId", "group_service_missing", "Create an active manual per-unit service (e.g. diamonds) first");
  return service.id;
}
