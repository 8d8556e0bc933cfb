import type { Prisma } from "@prisma/client";
import { issueApiKey, revokeApiKey } from "../../src/apikeys/api-keys.js";
import { adjustBalance } from "../../src/money/adjust-balance.js";
import { rejectResellerRequest, setResellerAccess } from "../../src/resellers/reseller-access.js";
import { parseDiscount, setResellerPricing } from "../../src/resellers/reseller-pricing.js";
import { setUserBlocked } from "../../src/users/block-user.js";
import { setUserRole } from "../../src/users/set-user-role.js";
import { parseTelegramId } from "../../src/shared/input-hygiene.js";
import { normaliseSenderNumber } from "../../src/topups/sender-number.js";
import { builder } from "../builder.js";
import { actorOf } from "../context.js";
import { ADMIN, AccountKindEnum, LanguageEnum, LedgerKindEnum, RoleEnum } from "../enums.js";
import { domainErrors } from "../errors.js";
import { positiveId, shortText } from "../validation.js";

export const LedgerEntry = builder.prismaObject("LedgerEntry", {
  fields: (t) => ({
    id: t.string({ resolve: (e) => e.id.toString() }),
    kind: t.expose("kind", { type: LedgerKindEnum }),
    amount: t.expose("amount", { type: "Decimal" }),
    balanceAfter: t.expose("balanceAfter", { type: "Decimal" }),
    orderId: t.exposeInt("orderId", { nullable: true }),
    topUpId: t.exposeInt("topUpId", { nullable: true }),
    actorId: t.exposeInt("actorId", { nullable: true }),
    note: t.exposeString("note", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const Account = builder.prismaObject("Account", {
  fields: (t) => ({
    id: t.exposeInt("id"),
    kind: t.expose("kind", { type: AccountKindEnum }),
    balance: t.expose("balance", { type: "Decimal" }),
    creditLimit: t.expose("creditLimit", { type: "Decimal" }),
    user: t.relation("user", { nullable: true }),
    entries: t.relatedConnection("entries", { cursor: "id", query: { orderBy: { id: "desc" } } }),
  }),
});

export const ApiKey = builder.prismaObject("ApiKey", {
  description: "An API key; only its prefix is ever shown again after it was issued.",
  fields: (t) => ({
    id: t.exposeInt("id"),
    userId: t.exposeInt("userId"),
    prefix: t.exposeString("prefix"),
    name: t.exposeString("name", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

export const User = builder.prismaObject("User", {
  fields: (t) => ({
    id: t.exposeInt("id"),
    telegramId: t.string({ nullable: true, resolve: (u) => u.telegramId?.toString() ?? null }),
    username: t.exposeString("username", { nullable: true }),
    firstName: t.exposeString("firstName", { nullable: true }),
    language: t.expose("language", { type: LanguageEnum }),
    role: t.expose("role", { type: RoleEnum }),
    blocked: t.exposeBoolean("blocked"),
    resellerDiscount: t.expose("resellerDiscount", { type: "Decimal", description: "Percent off every list price while the user is a reseller." }),
    resellerRequestedAt: t.expose("resellerRequestedAt", { type: "DateTime", nullable: true, description: "Set while a request for reseller access waits." }),
    resellerPrices: t.relation("resellerPrices", { query: { orderBy: { serviceId: "asc" } } }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    account: t.relation("account", { nullable: true }),
    apiKeys: t.relation("apiKeys", { query: { orderBy: { id: "desc" } } }),
    orders: t.relatedConnection("orders", { cursor: "id", query: { orderBy: { id: "desc" } } }),
    ordersCount: t.relationCount("orders"),
    tickets: t.relatedConnection("tickets", { cursor: "id", query: { orderBy: { id: "desc" } } }),
    topUps: t.relatedConnection("topUps", { cursor: "id", query: { orderBy: { id: "desc" } } }),
  }),
});

builder.prismaObject("ResellerPrice", {
  description: "A reseller's own price for a service, per the service's priceUnit.",
  fields: (t) => ({
    serviceId: t.exposeInt("serviceId"),
    price: t.expose("price", { type: "Decimal" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const ResellerPriceInput = builder.inputType("ResellerPriceInput", {
  fields: (t) => ({
    serviceId: t.int({ validate: positiveId }),
    price: t.string({ required: false, description: "Per the service's priceUnit; null removes it (the discount applies again)." }),
  }),
});

const IssuedApiKey = builder.objectRef<{ key: string; apiKey: Prisma.ApiKeyGetPayload<object> }>("IssuedApiKey").implement({
  fields: (t) => ({
    key: t.exposeString("key", { description: "The whole key. Shown this once; store it now." }),
    apiKey: t.field({ type: ApiKey, resolve: (r) => r.apiKey }),
  }),
});

/** A search that reads as a Bangladeshi mobile number, stored form ("01712345678"), else null. */
function localPhone(s: string): string | null {
  try {
    return normaliseSenderNumber(s);
  } catch {
    return null;
  }
}

function userWhere(search: string | null | undefined, role: "CUSTOMER" | "RESELLER" | "ADMIN" | null | undefined): Prisma.UserWhereInput {
  const s = search?.trim();
  // A phone number is known from the sender numbers of the user's top-ups.
  const phone = s ? localPhone(s) : null;
  const bySearch: Prisma.UserWhereInput = !s
    ? {}
    : phone
      ? { topUps: { some: { senderNumber: phone } } }
      : /^\d+$/.test(s)
        ? { OR: [{ id: Number(s) <= 2_147_483_647 ? Number(s) : -1 }, { telegramId: parseTelegramId("search", s) }] }
        : { OR: [{ username: { contains: s.replace(/^@/, ""), mode: "insensitive" } }, { firstName: { contains: s, mode: "insensitive" } }] };
  return { ...bySearch, ...(role ? { role } : {}) };
}

builder.queryFields((t) => ({
  users: t.prismaConnection({
    type: "User",
    cursor: "id",
    authScopes: ADMIN,
    args: {
      search: t.arg.string({ required: false, description: "User id, Telegram id, @username, name, or a phone number their top-ups came from." }),
      role: t.arg({ type: RoleEnum, required: false }),
    },
    resolve: (query, _r, args, ctx) => ctx.deps.db.user.findMany({ ...query, where: userWhere(args.search, args.role), orderBy: { id: "desc" } }),
    totalCount: (_p, args, ctx) => ctx.deps.db.user.count({ where: userWhere(args.search, args.role) }),
  }),
  user: t.prismaField({
    type: "User",
    nullable: true,
    authScopes: ADMIN,
    args: { id: t.arg.int() },
    resolve: (query, _r, { id }, ctx) => ctx.deps.db.user.findUnique({ ...query, where: { id } }),
  }),
  account: t.prismaField({
    type: "Account",
    nullable: true,
    authScopes: ADMIN,
    description: "A user's or a group's account, with its ledger.",
    args: { id: t.arg.int() },
    resolve: (query, _r, { id }, ctx) => ctx.deps.db.account.findUnique({ ...query, where: { id } }),
  }),
}));

builder.mutationFields((t) => ({
  adjustBalance: t.prismaField({
    type: "Account",
    authScopes: ADMIN,
    errors: domainErrors,
    description: 'Adds (or with "-" removes) money with a reason, through the ledger.',
    args: {
      accountId: t.arg.int({ validate: positiveId }),
      amount: t.arg.string({ description: 'Signed amount, e.g. "100" or "-25.50".' }),
      note: t.arg.string(),
    },
    resolve: async (_q, _r, args, ctx) => {
      await adjustBalance(ctx.deps, { accountId: args.accountId, amount: args.amount, note: args.note, actor: actorOf(ctx) });
      return ctx.deps.db.account.findUniqueOrThrow({ where: { id: args.accountId } });
    },
  }),
  setUserBlocked: t.prismaField({
    type: "User",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { userId: t.arg.int({ validate: positiveId }), blocked: t.arg.boolean() },
    resolve: (_q, _r, args, ctx) => setUserBlocked(ctx.deps, { userId: args.userId, blocked: args.blocked, actor: actorOf(ctx) }),
  }),
  setUserRole: t.prismaField({
    type: "User",
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Makes a user a CUSTOMER or a RESELLER (also demotes an admin who is not in ADMIN_IDS). ADMIN comes from ADMIN_IDS only.",
    args: { userId: t.arg.int({ validate: positiveId }), role: t.arg({ type: RoleEnum }) },
    resolve: (_q, _r, args, ctx) => setUserRole(ctx.deps, { userId: args.userId, role: args.role, actor: actorOf(ctx) }),
  }),
  setResellerAccess: t.prismaField({
    type: "User",
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Makes a customer a reseller (or takes it back), optionally with their discount; audit-logged, the user is told in their language.",
    args: {
      userId: t.arg.int({ validate: positiveId }),
      reseller: t.arg.boolean(),
      discountPercent: t.arg.string({ required: false, description: 'With reseller: true, their discount, e.g. "10" (checked before access is granted).' }),
    },
    resolve: async (_q, _r, args, ctx) => {
      // A bad discount changes nothing: it is checked before access is granted (as /reseller does).
      if (args.discountPercent != null) parseDiscount(args.discountPercent);
      const user = await setResellerAccess(ctx.deps, { userId: args.userId, reseller: args.reseller, actor: actorOf(ctx) });
      if (args.discountPercent == null || !args.reseller) return user;
      return setResellerPricing(ctx.deps.db, { userId: args.userId, discountPercent: args.discountPercent, actor: actorOf(ctx) });
    },
  }),
  rejectResellerRequest: t.prismaField({
    type: "User",
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Turns down a waiting request for reseller access; the user is told.",
    args: { userId: t.arg.int({ validate: positiveId }) },
    resolve: (_q, _r, args, ctx) => rejectResellerRequest(ctx.deps, { userId: args.userId, actor: actorOf(ctx) }),
  }),
  setResellerPricing: t.prismaField({
    type: "User",
    authScopes: ADMIN,
    errors: domainErrors,
    description: "A reseller's discount (percent off list prices) and own per-service prices; never below cost.",
    args: {
      userId: t.arg.int({ validate: positiveId }),
      discountPercent: t.arg.string({ required: false, description: 'e.g. "10" or "12.5"' }),
      prices: t.arg({ type: [ResellerPriceInput], required: false }),
    },
    resolve: (_q, _r, args, ctx) =>
      setResellerPricing(ctx.deps.db, {
        userId: args.userId,
        discountPercent: args.discountPercent ?? undefined,
        prices: args.prices?.map((p) => ({ serviceId: p.serviceId, price: p.price ?? null })),
        actor: actorOf(ctx),
      }),
  }),
  issueApiKey: t.field({
    type: IssuedApiKey,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Issues an API key for a user (a reseller, or an admin for scripts). The key is in the answer only.",
    args: { userId: t.arg.int({ validate: positiveId }), name: t.arg.string({ required: false, validate: shortText(64) }) },
    resolve: (_r, args, ctx) => issueApiKey(ctx.deps, { userId: args.userId, name: args.name ?? undefined, actor: actorOf(ctx) }),
  }),
  revokeApiKey: t.prismaField({
    type: "ApiKey",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { apiKeyId: t.arg.int({ validate: positiveId }) },
    resolve: (_q, _r, args, ctx) => revokeApiKey(ctx.deps, { apiKeyId: args.apiKeyId, actor: actorOf(ctx) }),
  }),
}));
