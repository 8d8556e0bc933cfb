import { builder } from "../builder.js";
import { ADMIN } from "../enums.js";

export const AuditEntry = builder.prismaObject("AuditLog", {
  name: "AuditEntry",
  description: "Who did what, when, with the state before and after.",
  fields: (t) => ({
    id: t.string({ resolve: (a) => a.id.toString() }),
    actorId: t.exposeInt("actorId", { nullable: true }),
    actorLabel: t.exposeString("actorLabel"),
    action: t.exposeString("action"),
    entity: t.exposeString("entity"),
    entityId: t.exposeString("entityId"),
    before: t.expose("before", { type: "JSON", nullable: true }),
    after: t.expose("after", { type: "JSON", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  auditLog: t.prismaConnection({
    type: "AuditLog",
    cursor: "id",
    authScopes: ADMIN,
    args: { entity: t.arg.string({ required: false }), entityId: t.arg.string({ required: false }) },
    resolve: (query, _r, args, ctx) =>
      ctx.deps.db.auditLog.findMany({
        ...query,
        where: { ...(args.entity ? { entity: args.entity } : {}), ...(args.entityId ? { entityId: args.entityId } : {}) },
        orderBy: { id: "desc" },
      }),
  }),
}));
