import type { AddressInfo } from "node:net";
import type { TopUpMethod } from "@prisma/client";
import { afterAll } from "vitest";
import type { Db } from "../../src/db/client.js";
import { createHttpServer } from "../../src/http/server.js";
import { paymentSmsRoute } from "../../src/http/payment-sms-route.js";
import { registerPaymentDevice } from "../../src/payments/devices.js";
import { SYSTEM } from "../../src/audit/actor.js";
import { testDeps } from "./deps.js";

/** A registered forwarding phone and its one-time token. */
export async function buildPaymentDevice(db: Db, methods: TopUpMethod[] = ["BKASH", "NAGAD", "ROCKET", "UPAY"]) {
  return registerPaymentDevice(db, { name: "Shop phone", methods, shopNumber: "01700000000", actor: SYSTEM });
}

/** POST /payments/sms on a real HTTP server on 127.0.0.1, closed after the file. */
export async function startSmsEndpoint(db: Db): Promise<{ url: string; post: (init: { body: string; headers?: Record<string, string>; query?: string }) => Promise<{ status: number; json: any }> }> {
  const server = createHttpServer([paymentSmsRoute(testDeps(db))], testDeps(db).logger);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/payments/sms`;
  return {
    url,
    async post({ body, headers = {}, query = "" }) {
      const res = await fetch(`${url}${query}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    },
  };
}
