import { forgetVerifiedKeys } from "../apikeys/verified-keys.js";
import type { Role, User } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { transaction } from "../db/transaction.js";
import { InvalidStateError, NotFoundError, ValidationError } from "../shared/errors.js";
import { setResellerAccess } from "../resellers/reseller-access.js";
import { isListedAdmin } from "./admin-roster.js";

/**
 * Makes a user a customer or a reseller (demoting an admin that is not in ADMIN_IDS, too). ADMIN
 * is never granted here: it comes from ADMIN_IDS only, and those admins keep it. Customers and
 * resellers change role through the reseller-access rule (blocked check, request settled, user told).
 */
export async function setUserRole(deps: Deps, input: { userId: number; role: Role; actor: Actor }): Promise<User> {
  const { db, config } = deps;
  if (input.role === "ADMIN") throw new ValidationError("role", "admin_from_config", "Admins come from ADMIN_IDS only");
  const current = await db.user.findUnique({ where: { id: input.userId }, select: { role: true } });
  if (current && current.role !== "ADMIN") return setResellerAccess(deps, { userId: input.userId, reseller: input.role === "RESELLER", actor: input.actor });
  const changed = await transaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new NotFoundError("User", input.userId);
    if (isListedAdmin(config, user.telegramId)) throw new InvalidStateError("This admin is in ADMIN_IDS; remove them there first", { userId: user.id });
    if (user.role === input.role) return user;
    const updated = await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    await writeAudit(tx, input.actor, { action: "user.set_role", entity: "User", entityId: user.id, before: { role: user.role }, after: { role: input.role } });
    return updated;
  });
  forgetVerifiedKeys();
  return changed;
}
