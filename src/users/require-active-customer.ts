import type { Db } from "../db/client.js";
import { ForbiddenError, NotFoundError } from "../shared/errors.js";

/** The user's own account id; refuses unknown and blocked users. */
export async function requireActiveCustomer(db: Db, userId: number): Promise<{ accountId: number }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { blocked: true, account: { select: { id: true } } } });
  if (!user) throw new NotFoundError("User", userId);
  if (user.blocked) throw new ForbiddenError("This account is blocked");
  if (!user.account) throw new NotFoundError("Account of user", userId);
  return { accountId: user.account.id };
}
