// The benchmark's own database on the local server: a seeded template (kept between runs, rebuilt
// when the migrations or the seed size change) copied into a fresh working database for each run.
import { createHash } from "node:crypto";
import pg from "pg";
import { migrateDatabase, migrationNames } from "../../src/db/migrate.js";
import { log } from "./common.js";

const SEED_VERSION = 3;
export const SEED_USERS = 10_000;
export const SEED_PROVIDERS = 5;
export const SEED_CATEGORIES = 10;
export const SEED_SERVICES = 50;
export const SEED_BATCH = "bench-seed";

const q = (s: string) => `"${s.replaceAll('"', '""')}"`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates (or reuses) the seeded template, then a fresh working copy. Returns the working database URL. */
export async function prepareBenchDatabase(url: string, orders: number): Promise<string> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const template = `${name}_template`;
  const templateUrl = withDatabase(url, template);
  const stamp = `panelbot bench seed v${SEED_VERSION} orders=${orders} migrations=${createHash("sha1").update(migrationNames().join(",")).digest("hex").slice(0, 12)}`;
  const current = await admin(url, async (c) => {
    const r = await c.query<{ comment: string | null }>(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
      [template],
    );
    return r.rows[0] ? (r.rows[0].comment ?? "") : null;
  });
  if (current !== stamp) {
    log(current === null ? `creating template database ${template}` : `rebuilding template database ${template} (was: ${current || "unfinished"})`);
    await admin(url, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${q(template)} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${q(template)}`);
    });
    const m = await migrateDatabase(templateUrl);
    log(`migrated the template in ${m.durationMs} ms`);
    await seed(templateUrl, orders);
    await admin(url, (c) => c.query(`COMMENT ON DATABASE ${q(template)} IS '${stamp}'`));
  } else {
    log(`reusing template database ${template} (${stamp})`);
  }
  const t = performance.now();
  await admin(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${q(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${q(name)} TEMPLATE ${q(template)}`);
  });
  log(`fresh working database ${name} copied from the template in ${Math.round(performance.now() - t)} ms`);
  // Migrations added since the template was stamped would have changed the stamp; this is a no-op check.
  await migrateDatabase(url);
  return url;
}

export async function dropBenchDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${q(name)} WITH (FORCE)`));
}

/**
 * The shop after a year of trade, in raw SQL: 10,000 customers, 5 providers, 10 categories, 50
 * services (45 auto, 5 manual), and `orders` orders spread over 365 days, newest last. Final
 * statuses for the old ones; the last two days hold the active ones; a thin layer of FAILED and
 * UNKNOWN throughout (what admins still have to decide on).
 */
async function seed(url: string, orders: number): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  try {
    await c.query("SET synchronous_commit = off");
    await c.query(`
      INSERT INTO "Category" ("nameBn","nameEn","sortOrder","active","createdAt","updatedAt")
      SELECT 'বিভাগ ' || g, 'Category ' || g, g, true, now(), now() FROM generate_series(1, ${SEED_CATEGORIES}) g;
      INSERT INTO "Provider" ("name","url","apiKeyEncrypted","apiKeyLast4","currency","createdAt","updatedAt")
      SELECT 'seed-provider-' || g, 'http://127.0.0.1:9/api/v2', 'sealed', 'seed', 'USD', now(), now() FROM generate_series(1, ${SEED_PROVIDERS}) g;
      INSERT INTO "Service" ("categoryId","nameBn","nameEn","mode","platform","linkKind","providerId","providerServiceId","price","cost","providerRate","min","max","active","createdAt","updatedAt")
      SELECT (SELECT min(id) FROM "Category") + (g % ${SEED_CATEGORIES}),
             'সার্ভিস ' || g, 'Service ' || g,
             CASE WHEN g > ${SEED_SERVICES - 5} THEN 'MANUAL' ELSE 'AUTO' END::"ServiceMode",
             'any', 'URL'::"LinkKind",
             CASE WHEN g > ${SEED_SERVICES - 5} THEN NULL ELSE (SELECT min(id) FROM "Provider") + (g % ${SEED_PROVIDERS}) END,
             CASE WHEN g > ${SEED_SERVICES - 5} THEN NULL ELSE g::text END,
             100, 60, 0.5, 10, 100000, true, now(), now()
        FROM generate_series(1, ${SEED_SERVICES}) g;
      INSERT INTO "User" ("telegramId","username","firstName","language","role","createdAt","updatedAt")
      SELECT 7000000000 + g, 'seed_user_' || g, 'Customer ' || g, 'en', 'CUSTOMER', now() - interval '400 days', now()
        FROM generate_series(1, ${SEED_USERS}) g;
      INSERT INTO "Account" ("kind","userId","balance","creditLimit","createdAt","updatedAt")
      SELECT 'USER', id, 0, 0, now(), now() FROM "User" WHERE "username" LIKE 'seed_user_%' ORDER BY id;
    `);
    // Orders, in chunks so one statement's memory stays small.
    const chunk = 250_000;
    for (let from = 1; from <= orders; from += chunk) {
      const to = Math.min(orders, from + chunk - 1);
      await c.query(
        `WITH ids AS (
           SELECT (SELECT min(id) FROM "User" WHERE "username" LIKE 'seed_user_%') AS u0,
                  (SELECT min(a.id) FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE u."username" LIKE 'seed_user_%') AS a0,
                  (SELECT min(id) FROM "Service") AS s0),
         g AS (
           SELECT g, (g::bigint * 7919) % 1000 AS r, (g::bigint * 104729) % ${SEED_USERS} AS u, (g::bigint * 31) % ${SEED_SERVICES} AS s,
                  ($2::int - g) * 365.0 / $2::int AS age
             FROM generate_series($1::int, $3::int) g),
         rows AS (
           SELECT g.*, ids.*, s."providerId", s."providerServiceId", s."mode",
                  now() - g.age * interval '1 day' AS created,
                  CASE
                    WHEN r < 5 THEN 'FAILED'
                    WHEN r < 6 THEN 'UNKNOWN'
                    WHEN g.age < 0.02 AND r < 500 THEN 'PENDING'
                    WHEN g.age < 2 AND r < 600 THEN 'IN_PROGRESS'
                    WHEN r < 40 THEN 'PARTIAL'
                    WHEN r < 70 THEN 'CANCELED'
                    ELSE 'COMPLETED'
                  END AS status
             FROM g CROSS JOIN ids JOIN "Service" s ON s.id = ids.s0 + g.s)
         INSERT INTO "Order" ("userId","accountId","serviceId","source","status","link","quantity","charge","cost","refunded",
                              "isManual","providerId","providerServiceId","providerOrderId","providerStatus","startCount","remains",
                              "failureReason","providerError","lastStatusCheck","lastProgressAt","completedAt","canceledAt",
                              "deliveryNotifiedAt","takenAt","createdAt","updatedAt")
         SELECT u0 + u, a0 + u, s0 + s, CASE WHEN r % 10 = 0 THEN 'API' ELSE 'BOT' END::"OrderSource", status::"OrderStatus",
                'https://instagram.com/seed_' || g, 1000, 100, 60,
                CASE status WHEN 'PARTIAL' THEN 25 WHEN 'CANCELED' THEN 100 ELSE 0 END,
                mode = 'MANUAL', "providerId", "providerServiceId",
                CASE WHEN mode = 'AUTO' AND status NOT IN ('PENDING') THEN (100000000 + g)::text END,
                CASE WHEN mode = 'MANUAL' THEN NULL WHEN status = 'COMPLETED' THEN 'Completed' WHEN status = 'PARTIAL' THEN 'Partial'
                     WHEN status = 'CANCELED' THEN 'Canceled' WHEN status = 'IN_PROGRESS' THEN 'In progress' END,
                CASE WHEN status IN ('IN_PROGRESS','COMPLETED','PARTIAL') THEN 1000 + r END,
                CASE WHEN status = 'COMPLETED' THEN 0 WHEN status = 'PARTIAL' THEN 250 WHEN status = 'IN_PROGRESS' THEN 1000 - r END,
                CASE WHEN status = 'FAILED' THEN 'provider_error' END,
                CASE WHEN status = 'FAILED' THEN 'Not enough funds on balance' END,
                CASE WHEN mode = 'AUTO' AND status <> 'PENDING' THEN created + interval '1 hour' END,
                CASE WHEN status IN ('IN_PROGRESS','COMPLETED','PARTIAL') THEN created + (r % 600) * interval '1 minute' END,
                CASE WHEN status IN ('COMPLETED','PARTIAL') THEN created + interval '6 hours' END,
                CASE WHEN status = 'CANCELED' THEN created + interval '1 hour' END,
                CASE WHEN status = 'COMPLETED' AND mode = 'MANUAL' THEN created + interval '6 hours' END,
                CASE WHEN mode = 'MANUAL' AND status <> 'PENDING' THEN created + interval '2 minutes' END,
                created, created + interval '6 hours'
           FROM rows`,
        [from, orders, to],
      );
      log(`seeded orders ${from}–${to} (${Math.round(performance.now() - t0)} ms)`);
    }
    await c.query(`UPDATE "Account" a SET "balance" = 1000000 FROM "User" u WHERE u.id = a."userId" AND u."username" LIKE 'seed_user_%'`);
    await c.query(`
      INSERT INTO "LedgerEntry" ("accountId","kind","amount","balanceAfter","note","createdAt")
      SELECT a.id, 'ADJUSTMENT', 1000000, 1000000, 'bench seed funds', now()
        FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE u."username" LIKE 'seed_user_%'`);
    await c.query("VACUUM ANALYZE");
    log(`seeded ${orders} orders in ${Math.round(performance.now() - t0)} ms`);
  } finally {
    await c.end();
  }
}
