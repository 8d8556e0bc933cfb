// The order life cycle: every (status × action × role) cell, the guarded writer against the
// table, and the admin chat, GraphQL and the dashboard showing the same actions for one order.
import { readFileSync } from "node:fs";
import type { OrderStatus } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { ADMIN_ORDER_BUTTONS, orderButtons } from "../../src/bot/keyboards/admin.js";
import { ORDER_ACTIONS, TRANSITIONS, allowedActions, guardFor, moveOrder, refillTerms, type OrderAction, type Role } from "../../src/orders/lifecycle/index.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { buildService, buildUser } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";
import { testDeps } from "../support/deps.js";

const { prisma: db } = await useTestDb();

const STATUSES: OrderStatus[] = ["PENDING", "SUBMITTING", "FAILED", "UNKNOWN", "IN_PROGRESS", "COMPLETED", "PARTIAL", "CANCELED"];
const PEOPLE = ["customer", "reseller", "admin"] as const;
type Kind = "auto" | "manual";

/** Written from the product card (life cycle, resubmit, reconcile, manual orders, tickets), not from the table. */
const EXPECTED: Record<Kind, Record<OrderStatus, Record<(typeof PEOPLE)[number], OrderAction[]>>> = {
  auto: {
    PENDING: { customer: ["cancel"], reseller: ["cancel"], admin: ["cancel"] },
    SUBMITTING: { customer: [], reseller: [], admin: [] },
    FAILED: { customer: ["cancel"], reseller: ["cancel"], admin: ["resubmit", "cancel"] },
    UNKNOWN: { customer: [], reseller: [], admin: ["reconcile_not_placed", "reconcile_not_placed_refund", "reconcile_placed"] },
    IN_PROGRESS: { customer: ["request_cancel"], reseller: ["request_cancel"], admin: ["sync"] },
    COMPLETED: { customer: ["refill"], reseller: ["refill"], admin: [] },
    PARTIAL: { customer: ["refill"], reseller: ["refill"], admin: [] },
    CANCELED: { customer: [], reseller: [], admin: [] },
  },
  manual: {
    PENDING: { customer: ["cancel"], reseller: ["cancel"], admin: ["take", "mark_done", "cancel"] },
    SUBMITTING: { customer: [], reseller: [], admin: [] },
    FAILED: { customer: ["cancel"], reseller: ["cancel"], admin: ["cancel"] },
    UNKNOWN: { customer: [], reseller: [], admin: [] },
    IN_PROGRESS: { customer: [], reseller: [], admin: ["mark_done", "cancel"] },
    COMPLETED: { customer: [], reseller: [], admin: [] },
    PARTIAL: { customer: [], reseller: [], admin: [] },
    CANCELED: { customer: [], reseller: [], admin: [] },
  },
};

describe("allowedActions", () => {
  it("walks every (status × action × role) cell for auto and manual orders", () => {
    const service = { cancel: true, refill: true };
    const now = new Date("2026-11-30T00:00:00Z");
    const cells: string[] = [];
    for (const kind of ["auto", "manual"] as const) {
      for (const status of STATUSES) {
        for (const role of PEOPLE) {
          // A fresh delivery with no refills yet: the refill policy agrees, so only the table decides.
          const facts = { completedAt: now, updatedAt: now, refills: [] };
          const allowed = allowedActions({ status, isManual: kind === "manual", service, ...facts }, role, { now, terms: refillTerms(testDeps(db).config) });
          for (const action of ORDER_ACTIONS) {
            const expected = EXPECTED[kind][status][role].includes(action);
            if (allowed.includes(action) !== expected) cells.push(`${kind} ${status} ${role} ${action}: ${expected ? "missing" : "unexpected"}`);
          }
        }
      }
    }
    expect(cells).toEqual([]);
  });

  it("offers an upstream cancel or a refill only where the service allows it", () => {
    const none = { cancel: false, refill: false };
    expect(allowedActions({ status: "IN_PROGRESS", isManual: false, service: none }, "customer")).toEqual([]);
    expect(allowedActions({ status: "COMPLETED", isManual: false, service: none }, "reseller")).toEqual([]);
  });
});

describe("moveOrder", () => {
  it("guards each (event, role) by exactly the table's rows: the orders it would move are those in a from-status of a row for that role", async () => {
    const user = await buildUser(db, { balance: "1000" });
    const service = await buildService(db, { price: "1" });
    const orders: { id: number; status: OrderStatus; kind: Kind }[] = [];
    for (const kind of ["auto", "manual"] as const) {
      for (const status of STATUSES) {
        const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 100 });
        await db.order.update({ where: { id: order.id }, data: { status, isManual: kind === "manual" } });
        orders.push({ id: order.id, status, kind });
      }
    }
    const ids = orders.map((o) => o.id);
    const events = [...new Set(TRANSITIONS.filter((r) => r.to !== null).map((r) => r.event))];
    const roles: Role[] = ["customer", "reseller", "admin", "system", "provider"];
    const wrong: string[] = [];
    for (const event of events) {
      for (const by of roles) {
        // The same guard moveOrder writes with, read instead of written: one query per (event, role).
        const movable = new Set((await db.order.findMany({ where: { id: { in: ids }, AND: [guardFor(event, by).where] }, select: { id: true } })).map((o) => o.id));
        for (const o of orders) {
          const rule = TRANSITIONS.find((r) => r.event === event && r.by.includes(by) && r.from.includes(o.status) && (!r.only || r.only === o.kind));
          if (movable.has(o.id) !== Boolean(rule)) wrong.push(`${o.kind} ${o.status} ${event} by ${by}: guard ${movable.has(o.id)}, table ${Boolean(rule)}`);
          // For people, what may move is exactly what the screens offer.
          if ((PEOPLE as readonly string[]).includes(by) && (ORDER_ACTIONS as readonly string[]).includes(event)) {
            const offered = allowedActions({ status: o.status, isManual: o.kind === "manual" }, by).includes(event as OrderAction);
            if (offered !== movable.has(o.id)) wrong.push(`${o.kind} ${o.status} ${event} by ${by}: offered=${offered}, guard=${movable.has(o.id)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("writes the row's to-status once; a second, concurrent or late move changes nothing", async () => {
    const user = await buildUser(db, { balance: "1000" });
    const service = await buildService(db, { price: "1" });
    const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 100 });
    const moves = await Promise.all(Array.from({ length: 5 }, () => moveOrder(db, order.id, { event: "forward", by: "system", at: new Date() })));
    expect(moves.filter(Boolean)).toHaveLength(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("SUBMITTING");
    expect(await moveOrder(db, order.id, { event: "cancel", by: "customer", at: new Date() })).toBe(false);
    expect(await moveOrder(db, order.id, { event: "provider_accepted", by: "customer", at: new Date() })).toBe(false);
    expect(await moveOrder(db, order.id, { event: "provider_accepted", by: "provider", at: new Date(), data: { providerOrderId: "77" } })).toBe(true);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "IN_PROGRESS", providerOrderId: "77" });
  });
});

describe("one list of actions for every screen", () => {
  it("the admin chat's buttons, GraphQL's allowedActions and the dashboard's ⋮ menu agree for orders in every status", async () => {
    const { gql } = graphqlFor(db, { rateLimitPerMinute: 10_000 });
    const admin = await buildCaller(db, "ADMIN", "lifecycle-admin");
    const user = await buildUser(db, { balance: "1000" });
    const service = await buildService(db, { price: "1", cancel: true, refill: true });
    const dashboard = readFileSync(new URL("../../schema/dashboard/static/lib/order-row.js", import.meta.url), "utf8");
    const menu = dashboard.slice(dashboard.indexOf("const ACTION_ITEMS"), dashboard.indexOf("};", dashboard.indexOf("const ACTION_ITEMS")));
    const menuActions = [...menu.matchAll(/^\s+([A-Z_]+): \[/gm)].map((m) => m[1]!);
    const byCode = new Map(Object.entries(ADMIN_ORDER_BUTTONS).map(([action, b]) => [b.code, action.toUpperCase()]));
    const differences: string[] = [];
    for (const isManual of [false, true]) {
      for (const status of STATUSES) {
        const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 100 });
        const stored = await db.order.update({ where: { id: order.id }, data: { status, isManual } });
        const res = await gql(admin, `query($id: Int!) { order(id: $id) { allowedActions } }`, { id: order.id });
        const api: string[] = res.body.data.order.allowedActions;
        const keyboard = orderButtons((key) => key, stored);
        const bot = (keyboard?.inline_keyboard.flat() ?? []).map((b) => byCode.get(("callback_data" in b ? b.callback_data : "").split(":")[2]!) ?? "?");
        const shown = api.filter((a) => menuActions.includes(a));
        const label = `${isManual ? "manual" : "auto"} ${status}`;
        if (JSON.stringify(bot) !== JSON.stringify(api)) differences.push(`${label}: bot ${bot} ≠ GraphQL ${api}`);
        if (JSON.stringify(shown) !== JSON.stringify(api)) differences.push(`${label}: dashboard ${shown} ≠ GraphQL ${api}`);
      }
    }
    expect(differences).toEqual([]);
  });
});
