import { forgetVerifiedKeys } from "../apikeys/verified-keys.js";
import type { User } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { transaction } from "../db/transaction.js";
import { enqueue } from "../outbox/enqueue.js";
import { ConflictError, ForbiddenError, InvalidStateError, NotFoundError } from "../shared/errors.js";

export interface SetResellerAccessInput {
  userId: number;
  reseller: boolean;
  actor: Actor;
}

/**
 * An admin makes a customer a reseller or takes it back: the role changes, a pending request is
 * settled, the change is audit-logged and the user is told (outbox, in their language) — all in one
 * transaction. Setting the role a user already has changes nothing and tells nobody.
 */
export async function setResellerAccess(deps: Deps, input: SetResellerAccessInput): Promise<User> {
  const now = deps.now();
  return forgettingKeys(transaction(deps.db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new NotFoundError("User", input.userId);
    if (user.role === "ADMIN") throw new InvalidStateError("Admins already have every right; reseller access is for customers", { userId: user.id, reason: "is_admin" });
    const role = input.reseller ? "RESELLER" : "CUSTOMER";
    if (user.role === role && user.resellerRequestedAt === null) return user;
    if (input.reseller && user.blocked) throw new InvalidStateError("A blocked user cannot become a reseller; unblock them first", { userId: user.id, reason: "blocked" });
    const updated = await tx.user.update({ where: { id: user.id }, data: { role, resellerRequestedAt: null } });
    if (user.role === role) return updated;
    const event = input.reseller ? "granted" : "revoked";
    await writeAudit(tx, input.actor, { action: `user.reseller_${event === "granted" ? "grant" : "revoke"}`, entity: "User", entityId: user.id, before: { role: user.role }, after: { role } });
    await enqueue(tx, "notify-customer-reseller", { userId: user.id, event, at: now.getTime() }, now);
    return updated;
  }));
}

/** A role change reaches cached API keys at once (verified-keys.ts). */
async function forgettingKeys<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    forgetVerifiedKeys();
  }
}

/**
 * A customer asks for reseller access from the bot: recorded once (a second request while one
 * waits is refused) and announced in the admin chat with Approve / Reject.
 */
export async function requestResellerAccess(deps: Deps, userId: number): Promise<User> {
  const requestedAt = deps.now();
  return transaction(deps.db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFoundError("User", userId);
    if (user.blocked) throw new ForbiddenError("This account is blocked");
    if (user.role !== "CUSTOMER") throw new ConflictError("reseller_already", "You already have reseller access");
    const marked = await tx.user.updateMany({ where: { id: userId, role: "CUSTOMER", resellerRequestedAt: null }, data: { resellerRequestedAt: requestedAt } });
    if (marked.count !== 1) throw new ConflictError("reseller_request_pending", "Your request for reseller access is already with the admins");
    await enqueue(tx, "notify-admin-reseller", { userId, requestedAt: requestedAt.getTime() }, requestedAt);
    return tx.user.findUniqueOrThrow({ where: { id: userId } });
  });
}

/** An admin turns a waiting request down; the customer is told. */
export async function rejectResellerRequest(deps: Deps, input: { userId: number; actor: Actor }): Promise<User> {
  const now = deps.now();
  return transaction(deps.db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new NotFoundError("User", input.userId);
    const cleared = await tx.user.updateMany({ where: { id: user.id, resellerRequestedAt: { not: null } }, data: { resellerRequestedAt: null } });
    if (cleared.count !== 1) throw new InvalidStateError("There is no waiting request for reseller access from this user", { userId: user.id, reason: "no_request" });
    await writeAudit(tx, input.actor, { action: "user.reseller_reject", entity: "User", entityId: user.id, before: { requestedAt: user.resellerRequestedAt }, after: { requestedAt: null } });
    await enqueue(tx, "notify-customer-reseller", { userId: user.id, event: "rejected", at: now.getTime() }, now);
    return tx.user.findUniqueOrThrow({ where: { id: user.id } });
  });
}
