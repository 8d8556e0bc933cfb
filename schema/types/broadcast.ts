import { BroadcastAudience, BroadcastStatus, type Broadcast as BroadcastRow } from "@prisma/client";
import { z } from "zod";
import { countAudience, validateAudience } from "../../src/broadcasts/audience.js";
import { cancelBroadcast, pauseBroadcast, resumeBroadcast, startBroadcast } from "../../src/broadcasts/control-broadcast.js";
import { createBroadcast } from "../../src/broadcasts/create-broadcast.js";
import { messageHash, messageOf } from "../../src/broadcasts/message.js";
import { previewBroadcast } from "../../src/broadcasts/preview-broadcast.js";
import { broadcastCounts } from "../../src/broadcasts/progress.js";
import type { BroadcastCounts } from "../../src/broadcasts/transport.js";
import { builder } from "../builder.js";
import { actorOf, type GraphQLContext } from "../context.js";
import { ADMIN, LanguageEnum } from "../enums.js";
import { domainErrors } from "../errors.js";
import { positiveId } from "../validation.js";

type BroadcastView = BroadcastRow & { counts: BroadcastCounts };

const BroadcastStatusEnum = builder.enumType(BroadcastStatus, { name: "BroadcastStatus" });
const BroadcastAudienceEnum = builder.enumType(BroadcastAudience, { name: "BroadcastAudience" });

const BroadcastProgress = builder.objectRef<BroadcastCounts>("BroadcastProgress").implement({
  description: "Where the recipients are: sent, failed (e.g. chat not found), blocked (the user blocked the bot), left to try.",
  fields: (t) => ({
    total: t.exposeInt("total"),
    sent: t.exposeInt("sent"),
    failed: t.exposeInt("failed"),
    blocked: t.exposeInt("blocked"),
    left: t.exposeInt("left"),
    uncertain: t.exposeInt("uncertain", { description: "A sender stopped mid-send: maybe delivered, never resent (at most once per user)." }),
    skipped: t.exposeInt("skipped", { description: "Not sent because the broadcast was canceled." }),
  }),
});

const Broadcast = builder.objectRef<BroadcastView>("Broadcast").implement({
  description: "A message to an audience of customers (Telegram HTML, optional URL button), sent by the send-broadcasts job.",
  fields: (t) => ({
    id: t.exposeInt("id"),
    text: t.exposeString("text", { description: "HTML parse mode." }),
    buttonText: t.exposeString("buttonText", { nullable: true }),
    buttonUrl: t.exposeString("buttonUrl", { nullable: true }),
    audience: t.expose("audience", { type: BroadcastAudienceEnum }),
    language: t.expose("language", { type: LanguageEnum, nullable: true }),
    orderedWithinDays: t.exposeInt("orderedWithinDays", { nullable: true }),
    groupId: t.exposeInt("groupId", { nullable: true }),
    status: t.expose("status", { type: BroadcastStatusEnum }),
    previewed: t.boolean({ description: "This exact message reached its author as a preview (required to start).", resolve: (b) => b.previewedHash === messageHash(messageOf(b)) }),
    createdById: t.exposeInt("createdById"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true }),
    progress: t.field({ type: BroadcastProgress, resolve: (b) => b.counts }),
  }),
});

async function views(ctx: GraphQLContext, rows: BroadcastRow[]): Promise<BroadcastView[]> {
  const counts = await broadcastCounts(ctx.deps.db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, counts: counts.get(r.id)! }));
}
const view = async (ctx: GraphQLContext, row: BroadcastRow) => (await views(ctx, [row]))[0]!;

const BroadcastInput = builder.inputType("BroadcastInput", {
  fields: (t) => ({
    text: t.string({ description: "Telegram HTML (<b>, <i>, <u>, <s>, <a href>, <code>, <pre>, <blockquote>, <tg-spoiler>); Telegram checks it when the preview is sent." }),
    buttonText: t.string({ required: false }),
    buttonUrl: t.string({ required: false }),
    audience: t.field({ type: BroadcastAudienceEnum }),
    language: t.field({ type: LanguageEnum, required: false, description: "LANGUAGE: customers who speak it." }),
    days: t.int({ required: false, description: "ORDERED_RECENTLY: customers with an order in the last N days." }),
    groupId: t.int({ required: false, description: "GROUP: the members of this reseller group." }),
  }),
});

builder.queryFields((t) => ({
  broadcasts: t.field({
    type: [Broadcast],
    authScopes: ADMIN,
    description: "Newest first, with progress.",
    args: { status: t.arg({ type: BroadcastStatusEnum, required: false }), first: t.arg.int({ required: false, validate: z.number().int().min(1).max(100) }) },
    resolve: async (_r, args, ctx) =>
      views(ctx, await ctx.deps.db.broadcast.findMany({ where: args.status ? { status: args.status } : {}, orderBy: { id: "desc" }, take: args.first ?? 20 })),
  }),
  broadcast: t.field({
    type: Broadcast,
    nullable: true,
    authScopes: ADMIN,
    args: { id: t.arg.int() },
    resolve: async (_r, { id }, ctx) => {
      const row = await ctx.deps.db.broadcast.findUnique({ where: { id } });
      return row ? view(ctx, row) : null;
    },
  }),
  broadcastAudienceSize: t.int({
    authScopes: ADMIN,
    errors: domainErrors,
    description: "How many customers an audience reaches now (not admins, not blocked, not who blocked the bot).",
    args: { audience: t.arg({ type: BroadcastAudienceEnum }), language: t.arg({ type: LanguageEnum, required: false }), days: t.arg.int({ required: false }), groupId: t.arg.int({ required: false }) },
    resolve: async (_r, args, ctx) => countAudience(ctx.deps.db, await validateAudience(ctx.deps.db, args), ctx.deps.now()),
  }),
}));

builder.mutationFields((t) => ({
  createBroadcast: t.field({
    type: Broadcast,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "A draft; preview it, then start it.",
    args: { input: t.arg({ type: BroadcastInput }) },
    resolve: async (_r, { input }, ctx) => view(ctx, await createBroadcast(ctx.deps, { html: input.text, buttonText: input.buttonText, buttonUrl: input.buttonUrl, audience: input.audience, language: input.language, days: input.days, groupId: input.groupId, actor: actorOf(ctx) })),
  }),
  previewBroadcast: t.field({
    type: Broadcast,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Sends the draft to the calling admin's own Telegram chat; Telegram refusing its HTML is a ValidationError on `text`.",
    args: { id: t.arg.int({ validate: positiveId }) },
    resolve: async (_r, { id }, ctx) => view(ctx, await previewBroadcast(ctx.deps, { broadcastId: id, actor: actorOf(ctx) })),
  }),
  startBroadcast: t.field({
    type: Broadcast,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Writes the recipients (fixed from now on) and hands the broadcast to the sender; progress is shown in the admin chat.",
    args: { id: t.arg.int({ validate: positiveId }) },
    resolve: async (_r, { id }, ctx) => view(ctx, await startBroadcast(ctx.deps, { broadcastId: id, actor: actorOf(ctx) })),
  }),
  pauseBroadcast: t.field({
    type: Broadcast,
    authScopes: ADMIN,
    errors: domainErrors,
    args: { id: t.arg.int({ validate: positiveId }) },
    resolve: async (_r, { id }, ctx) => view(ctx, await pauseBroadcast(ctx.deps, { broadcastId: id, actor: actorOf(ctx) })),
  }),
  resumeBroadcast: t.field({
    type: Broadcast,
    authScopes: ADMIN,
    errors: domainErrors,
    args: { id: t.arg.int({ validate: positiveId }) },
    resolve: async (_r, { id }, ctx) => view(ctx, await resumeBroadcast(ctx.deps, { broadcastId: id, actor: actorOf(ctx) })),
  }),
  cancelBroadcast: t.field({
    type: Broadcast,
    authScopes: ADMIN,
    errors: domainErrors,
    args: { id: t.arg.int({ validate: positiveId }) },
    resolve: async (_r, { id }, ctx) => view(ctx, await cancelBroadcast(ctx.deps, { broadcastId: id, actor: actorOf(ctx) })),
  }),
}));
