import { forgetVerifiedKeys } from "../apikeys/verified-keys.js";
import type { Deps } from "../deps.js";
import type { User } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { transaction } from "../db/transaction.js";
import { InvalidStateError, NotFoundError } from "../shared/errors.js";
import { isListedAdmin } from "./admin-roster.js";

export interface SetUserBlockedInput {
  userId: number;
  blocked: boolean;
  actor: Actor;
}

/**
 * Blocks or unblocks a user. A blocked user cannot order, top up, use an API key or a dashboard
 * session. Admins from ADMIN_IDS cannot be blocked from inside; any other admin row can.
 */
export async function setUserBlocked(deps: Pick<Deps, "db" | "config">, input: SetUserBlockedInput): Promise<User> {
  const { db, config } = deps;
  const changed = await transaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new NotFoundError("User", input.userId);
    if (input.blocked && isListedAdmin(config, user.telegramId)) throw new InvalidStateError("Admins from ADMIN_IDS cannot be blocked; remove them from ADMIN_IDS first", { userId: user.id });
    if (user.blocked === input.blocked) return user;
    const updated = await tx.user.update({ where: { id: user.id }, data: { blocked: input.blocked } });
    await writeAudit(tx, input.actor, {
      action: input.blocked ? "user.block" : "user.unblock",
      entity: "User",
      entityId: user.id,
      before: { blocked: user.blocked },
      after: { blocked: input.blocked },
    });
    return updated;
  });
  forgetVerifiedKeys();
  return changed;
}
