// Each test creates its own rows through these builders; unique values come from a counter plus the process id.
import type { Account, Category, Prisma, Provider, Service, User } from "@prisma/client";
import type { Db } from "../../src/db/client.js";
import { Decimal } from "../../src/money/decimal.js";
import { post } from "../../src/money/ledger.js";

let seq = 0;
export function unique(prefix = "t"): string {
  seq += 1;
  return `${prefix}${process.pid}x${Date.now().toString(36)}x${seq}`;
}
let telegramSeq = BigInt(process.pid) * 1_000_000n + BigInt(Date.now() % 1_000_000);
function nextTelegramId(): bigint {
  telegramSeq += 1n;
  return telegramSeq;
}

export type UserWithAccount = User & { account: Account };

/** A user with an account; a starting balance arrives as a ledger ADJUSTMENT so the ledger stays whole. */
export async function buildUser(db: Db, overrides: Partial<Prisma.UserCreateInput> & { balance?: string } = {}): Promise<UserWithAccount> {
  const { balance, ...fields } = overrides;
  const user = await db.user.create({
    data: { telegramId: nextTelegramId(), firstName: "Test", ...fields, account: { create: {} } },
    include: { account: true },
  });
  if (balance && new Decimal(balance).gt(0)) {
    await db.$transaction((tx) => post(tx, { accountId: user.account!.id, amount: new Decimal(balance), kind: "ADJUSTMENT", note: "test funds" }));
  }
  return { ...user, account: await db.account.findUniqueOrThrow({ where: { id: user.account!.id } }) };
}

export function buildCategory(db: Db, overrides: Partial<Prisma.CategoryCreateInput> = {}): Promise<Category> {
  return db.category.create({ data: { nameBn: "ফলোয়ার", nameEn: "Followers", ...overrides } });
}

export function buildProvider(db: Db, overrides: Partial<Prisma.ProviderUncheckedCreateInput> = {}): Promise<Provider> {
  return db.provider.create({
    data: { name: unique("provider"), url: "http://127.0.0.1:9/api/v2", apiKeyEncrypted: "test", apiKeyLast4: "test", ...overrides },
  });
}

/** An active auto service (Default type, any http(s) link) priced per 1000, unless overridden. */
export async function buildService(db: Db, overrides: Partial<Prisma.ServiceUncheckedCreateInput> = {}): Promise<Service> {
  const categoryId = overrides.categoryId ?? (await buildCategory(db)).id;
  return db.service.create({
    data: {
      nameBn: "ইনস্টাগ্রাম ফলোয়ার",
      nameEn: "Instagram followers",
      price: "100",
      cost: "60",
      min: 50,
      max: 10000,
      mode: "AUTO",
      ...overrides,
      categoryId,
    },
  });
}

export async function buildGroupAccount(db: Db, creditLimit: string): Promise<Account> {
  return db.account.create({ data: { kind: "GROUP", creditLimit } });
}
