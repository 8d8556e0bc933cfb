import type { Prisma } from "@prisma/client";
import { PaymentSmsOutcome } from "@prisma/client";
import { registerPaymentDevice, revokePaymentDevice } from "../../src/payments/devices.js";
import { builder } from "../builder.js";
import { actorOf } from "../context.js";
import { ADMIN, TopUpMethodEnum } from "../enums.js";
import { domainErrors } from "../errors.js";
import { positiveId, shortText } from "../validation.js";

export const PaymentSmsOutcomeEnum = builder.enumType(PaymentSmsOutcome, { name: "PaymentSmsOutcome" });

export const PaymentDevice = builder.prismaObject("PaymentDevice", {
  description: "An Android phone forwarding the shop's payment SMS. Its token is never shown again.",
  fields: (t) => ({
    id: t.exposeInt("id"),
    name: t.exposeString("name"),
    methods: t.field({ type: [TopUpMethodEnum], resolve: (d) => d.methods }),
    shopNumber: t.exposeString("shopNumber"),
    lastSeenAt: t.expose("lastSeenAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const PaymentSms = builder.prismaObject("PaymentSms", {
  description: "A forwarded SMS, what it was read as, and what became of it.",
  fields: (t) => ({
    id: t.exposeInt("id"),
    sender: t.exposeString("sender"),
    text: t.exposeString("text"),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
    sim: t.exposeString("sim", { nullable: true }),
    method: t.expose("method", { type: TopUpMethodEnum, nullable: true }),
    kind: t.exposeString("kind", { nullable: true }),
    amount: t.expose("amount", { type: "Decimal", nullable: true }),
    trxId: t.exposeString("trxId", { nullable: true }),
    counterparty: t.exposeString("counterparty", { nullable: true }),
    printedTime: t.exposeString("printedTime", { nullable: true }),
    outcome: t.expose("outcome", { type: PaymentSmsOutcomeEnum }),
    reason: t.exposeString("reason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    device: t.relation("device"),
    topUp: t.relation("topUp", { nullable: true, description: "The request this SMS was compared with (credited or not)." }),
  }),
});

builder.prismaObjectField("TopUp", "paymentSms", (t) =>
  t.relation("paymentSms", { description: "Forwarded SMS with this TrxID, beside the request." }),
);

const RegisteredPaymentDevice = builder
  .objectRef<{ token: string; device: Prisma.PaymentDeviceGetPayload<object> }>("RegisteredPaymentDevice")
  .implement({
    fields: (t) => ({
      token: t.exposeString("token", { description: "The device token. Shown this once; put it in the forwarder app now." }),
      device: t.field({ type: PaymentDevice, resolve: (r) => r.device }),
    }),
  });

builder.queryFields((t) => ({
  paymentDevices: t.prismaField({
    type: ["PaymentDevice"],
    authScopes: ADMIN,
    resolve: (query, _r, _a, ctx) => ctx.deps.db.paymentDevice.findMany({ ...query, orderBy: { id: "asc" } }),
  }),
  paymentSms: t.prismaConnection({
    type: "PaymentSms",
    cursor: "id",
    authScopes: ADMIN,
    description: "Forwarded SMS, newest first; filter by outcome (UNMATCHED and MISMATCH are the ones waiting for an admin).",
    args: { outcome: t.arg({ type: [PaymentSmsOutcomeEnum], required: false }), deviceId: t.arg.int({ required: false }) },
    resolve: (query, _r, args, ctx) =>
      ctx.deps.db.paymentSms.findMany({
        ...query,
        where: { ...(args.outcome?.length ? { outcome: { in: args.outcome } } : {}), ...(args.deviceId ? { deviceId: args.deviceId } : {}) },
        orderBy: { id: "desc" },
      }),
  }),
}));

builder.mutationFields((t) => ({
  registerPaymentDevice: t.field({
    type: RegisteredPaymentDevice,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Registers a forwarding phone. The token is in this answer only (stored hashed).",
    args: {
      name: t.arg.string({ validate: shortText(64) }),
      methods: t.arg({ type: [TopUpMethodEnum] }),
      shopNumber: t.arg.string({ validate: shortText(20) }),
    },
    resolve: (_r, args, ctx) => registerPaymentDevice(ctx.deps.db, { name: args.name, methods: args.methods, shopNumber: args.shopNumber, actor: actorOf(ctx) }),
  }),
  revokePaymentDevice: t.prismaField({
    type: "PaymentDevice",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { id: t.arg.int({ validate: positiveId }) },
    resolve: (_q, _r, { id }, ctx) => revokePaymentDevice(ctx.deps.db, id, actorOf(ctx)),
  }),
}));
