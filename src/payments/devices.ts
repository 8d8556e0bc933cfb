import { randomBytes } from "node:crypto";
import { hashSecret } from "../shared/hash-secret.js";
import type { PaymentDevice, TopUpMethod } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Db } from "../db/client.js";
import { transaction } from "../db/transaction.js";
import { NotFoundError, ValidationError } from "../shared/errors.js";
import { PAYMENT_SMS_METHODS } from "./methods.js";

export interface RegisterDeviceInput {
  name: string;
  methods: readonly TopUpMethod[];
  shopNumber: string;
  actor: Actor;
}

export interface RegisteredDevice {
  /** The whole token: shown this once, stored only as a hash. */
  token: string;
  device: PaymentDevice;
}

const TOKEN_PATTERN = /^pd_[A-Za-z0-9_-]{43}$/;

export const hashDeviceToken = hashSecret;

/** Registers a forwarding phone and returns its token once. */
export async function registerPaymentDevice(db: Db, input: RegisterDeviceInput): Promise<RegisteredDevice> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 64) throw new ValidationError("name", "name_invalid", "A device name has 1-64 characters");
  const methods = [...new Set(input.methods)];
  if (methods.length === 0 || methods.some((m) => !(PAYMENT_SMS_METHODS as readonly TopUpMethod[]).includes(m))) {
    throw new ValidationError("methods", "method_invalid", `Methods must be some of ${PAYMENT_SMS_METHODS.join(", ")}`);
  }
  const shopNumber = input.shopNumber.trim().replace(/[\s-]/g, "");
  if (!/^(\+?880|0)1[3-9]\d{8}$/.test(shopNumber)) {
    throw new ValidationError("shopNumber", "number_invalid", "The shop number must be a Bangladeshi mobile number like 01712345678");
  }
  const token = `pd_${randomBytes(32).toString("base64url")}`;
  const device = await transaction(db, async (tx) => {
    const created = await tx.paymentDevice.create({ data: { name, methods, shopNumber, tokenHash: hashDeviceToken(token) } });
    await writeAudit(tx, input.actor, { action: "payment_device.register", entity: "PaymentDevice", entityId: created.id, after: { name, methods, shopNumber } });
    return created;
  });
  return { token, device };
}

/** Revokes a device at once; its token stops working. Revoking twice answers with the same device. */
export async function revokePaymentDevice(db: Db, deviceId: number, actor: Actor): Promise<PaymentDevice> {
  return transaction(db, async (tx) => {
    const device = await tx.paymentDevice.findUnique({ where: { id: deviceId } });
    if (!device) throw new NotFoundError("PaymentDevice", deviceId);
    if (device.revokedAt) return device;
    const revoked = await tx.paymentDevice.update({ where: { id: deviceId }, data: { revokedAt: new Date() } });
    await writeAudit(tx, actor, { action: "payment_device.revoke", entity: "PaymentDevice", entityId: deviceId, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt } });
    return revoked;
  });
}

/** The active device a token belongs to, or null (unknown, malformed or revoked). */
export async function deviceForToken(db: Db, token: string | null | undefined): Promise<PaymentDevice | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const device = await db.paymentDevice.findUnique({ where: { tokenHash: hashDeviceToken(token) } });
  return device && !device.revokedAt ? device : null;
}
