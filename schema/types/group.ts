import { z } from "zod";
import { parseTelegramId } from "../../src/shared/input-hygiene.js";
import { registerGroup } from "../../src/groups/register-group.js";
import { builder } from "../builder.js";
import { actorOf } from "../context.js";
import { ADMIN } from "../enums.js";
import { domainErrors } from "../errors.js";

export const Group = builder.prismaObject("Group", {
  description: "A reseller's Telegram group taking `.N` quick orders billed to the group's account.",
  fields: (t) => ({
    id: t.exposeInt("id"),
    chatId: t.string({ resolve: (g) => g.chatId.toString() }),
    title: t.exposeString("title", { nullable: true }),
    rate: t.expose("rate", { type: "Decimal" }),
    active: t.exposeBoolean("active"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    account: t.relation("account"),
  }),
});

builder.queryFields((t) => ({
  groups: t.prismaField({
    type: ["Group"],
    authScopes: ADMIN,
    resolve: (query, _r, _a, ctx) => ctx.deps.db.group.findMany({ ...query, orderBy: { id: "asc" } }),
  }),
}));

builder.mutationFields((t) => ({
  registerGroup: t.prismaField({
    type: "Group",
    authScopes: ADMIN,
    errors: domainErrors,
    args: {
      chatId: t.arg.string({ description: "Telegram chat id, e.g. -1001234567890.", validate: z.string().regex(/^-?\d{1,20}$/, "a numeric chat id") }),
      title: t.arg.string({ required: false, validate: z.string().max(200) }),
      rate: t.arg({ type: "Decimal", description: "Price per unit (diamond)." }),
      creditLimit: t.arg({ type: "Decimal", description: "How far below zero the group may go." }),
      serviceId: t.arg.int({ required: false }),
    },
    resolve: (_q, _r, args, ctx) =>
      registerGroup(ctx.deps, {
        chatId: parseTelegramId("chatId", args.chatId),
        title: args.title ?? null,
        rate: args.rate,
        creditLimit: args.creditLimit,
        serviceId: args.serviceId ?? undefined,
        actor: actorOf(ctx),
      }),
  }),
}));
