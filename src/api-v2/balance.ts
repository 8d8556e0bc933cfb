import { Decimal } from "../money/decimal.js";
import type { ApiV2Call } from "./call.js";

export async function balanceAction(call: ApiV2Call) {
  const account = await call.deps.db.account.findUnique({ where: { userId: call.reseller.id }, select: { balance: true } });
  return { balance: new Decimal(account?.balance ?? 0).toFixed(4), currency: call.deps.config.SHOP_CURRENCY };
}
