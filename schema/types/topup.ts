import { z } from "zod";
import { approveTopUp, rejectTopUp } from "../../src/topups/decide-topup.js";
import { builder } from "../builder.js";
import { actorOf } from "../context.js";
import { ADMIN, TopUpMethodEnum, TopUpStatusEnum } from "../enums.js";
import { domainErrors } from "../errors.js";
import { positiveId } from "../validation.js";

export const TopUp = builder.prismaObject("TopUp", {
  fields: (t) => ({
    id: t.exposeInt("id"),
    method: t.expose("method", { type: TopUpMethodEnum }),
    amount: t.expose("amount", { type: "Decimal" }),
    trxId: t.exposeString("trxId"),
    senderNumber: t.exposeString("senderNumber", { nullable: true }),
    status: t.expose("status", { type: TopUpStatusEnum }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    rejectReason: t.exposeString("rejectReason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    user: t.relation("user"),
    decidedBy: t.relation("decidedBy", { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  topUps: t.prismaConnection({
    type: "TopUp",
    cursor: "id",
    authScopes: ADMIN,
    description: "Top-up requests, oldest pending first when filtered by PENDING, else newest first.",
    args: { status: t.arg({ type: TopUpStatusEnum, required: false }), userId: t.arg.int({ required: false }) },
    resolve: (query, _r, args, ctx) =>
      ctx.deps.db.topUp.findMany({
        ...query,
        where: { ...(args.status ? { status: args.status } : {}), ...(args.userId ? { userId: args.userId } : {}) },
        orderBy: { id: args.status === "PENDING" ? "asc" : "desc" },
      }),
  }),
}));

builder.mutationFields((t) => ({
  approveTopUp: t.prismaField({
    type: "TopUp",
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Credits the balance once, however many admins press Approve.",
    args: { id: t.arg.int({ validate: positiveId }) },
    resolve: (_q, _r, { id }, ctx) => approveTopUp(ctx.deps, id, actorOf(ctx)),
  }),
  rejectTopUp: t.prismaField({
    type: "TopUp",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { id: t.arg.int({ validate: positiveId }), reason: t.arg.string({ required: false, validate: z.string().max(500) }) },
    resolve: (_q, _r, { id, reason }, ctx) => rejectTopUp(ctx.deps, id, actorOf(ctx), reason ?? undefined),
  }),
}));
