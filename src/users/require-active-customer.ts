import type { Db } from "../db/client.js";
import { ForbiddenError, NotFoundError } from "../shared/errors.js";

/** The customer rule, on a row read by any query: known, not blocked, with an account. */
export function activeCustomer(userId: number, user: { blocked: boolean; accountId: number | null } | null): { accountId: number } {
  if (!user) throw new NotFoundError("User", userId);
  if (user.blocked) throw new ForbiddenError("This account is blocked");
  if (user.accountId === null) throw new NotFoundError("Account of user", userId);
  return { accountId: user.accountId };
}

/** The user's own account id; refuses unknown and blocked users. */
export async function requireActiveCustomer(db: Db, userId: number): Promise<{ accountId: number }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { blocked: true, account: { select: { id: true } } } });
  return activeCustomer(userId, user && { blocked: user.blocked, accountId: user.account?.id ?? null });
}
