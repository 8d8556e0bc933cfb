import { Prisma } from "@prisma/client";
import type { Deps } from "../deps.js";
import { DEDUPE_KEYS, sqlKey, type OutboxKind } from "../outbox/kinds.js";
import { expireSubmittingLeases } from "../fulfilment/expire-leases.js";

export interface StuckCheck {
  /** Orders newly flagged in this pass (each is announced once). */
  flagged: number;
  /** Orders no longer stuck, unflagged in this pass. */
  cleared: number;
  /** Orders examined: everything not final. */
  ordersChecked: number;
  /** Orders stuck after this pass. */
  stuckNow: number;
}

/** Stuck reasons a customer waiting on an auto order is told about (the others are the shop's own work). */
export const CUSTOMER_STAGES = ["pending_too_long", "unknown", "no_progress"] as const;

const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

/**
 * One pass of the stuck-order detector. The reasons, in product.md's words:
 *   pending_too_long   PENDING for more than STUCK_PENDING_MINUTES
 *   unknown            UNKNOWN (SUBMITTING past its lease is turned UNKNOWN first)
 *   manual_in_progress a manual order taken more than STUCK_MANUAL_MINUTES ago and not done
 *   no_progress        an auto order at the provider without progress for its service's threshold
 *   delivery_unconfirmed a completed manual order whose confirmation was not sent after STUCK_DELIVERY_MINUTES
 * Each condition is its own index-friendly query; flagging, unflagging and the admin alerts are
 * single statements, so a pass stays cheap however many orders are finished.
 */
export async function detectStuckOrders(deps: Deps): Promise<StuckCheck> {
  await expireSubmittingLeases(deps);
  const c = deps.config;
  const now = deps.now();
  const pendingBefore = minutesAgo(now, c.STUCK_PENDING_MINUTES);
  const manualBefore = minutesAgo(now, c.STUCK_MANUAL_MINUTES);
  const deliveryBefore = minutesAgo(now, c.STUCK_DELIVERY_MINUTES);
  const at = Prisma.sql`${now}::timestamp`;
  const candidates = Prisma.sql`
      SELECT o."id", 'pending_too_long' AS reason FROM "Order" o
       WHERE o."status" = 'PENDING' AND o."createdAt" < ${pendingBefore}::timestamp
      UNION ALL
      SELECT o."id", 'unknown' FROM "Order" o WHERE o."status" = 'UNKNOWN'
      UNION ALL
      SELECT o."id", 'manual_in_progress' FROM "Order" o
       WHERE o."status" = 'IN_PROGRESS' AND o."isManual" AND COALESCE(o."takenAt", o."createdAt") < ${manualBefore}::timestamp
      UNION ALL
      SELECT o."id", 'no_progress' FROM "Order" o JOIN "Service" s ON s."id" = o."serviceId"
       WHERE o."status" = 'IN_PROGRESS' AND NOT o."isManual"
         AND COALESCE(o."lastProgressAt", o."createdAt") < ${at} - make_interval(mins => COALESCE(s."stuckAfterMinutes", ${c.STUCK_NO_PROGRESS_MINUTES}::int))
      UNION ALL
      SELECT o."id", 'delivery_unconfirmed' FROM "Order" o
       WHERE o."isManual" = true AND o."status" = 'COMPLETED' AND o."deliveryNotifiedAt" IS NULL AND o."completedAt" < ${deliveryBefore}::timestamp`;

  return deps.db.$transaction(async (tx) => {
    const cleared = await tx.$executeRaw`
      UPDATE "Order" SET "stuck" = false, "stuckReason" = NULL, "stuckAt" = NULL
        WHERE "stuck" AND "id" NOT IN (SELECT "id" FROM (${candidates}) c)`;
    const [flaggedRow] = await tx.$queryRaw<{ flagged: bigint }[]>`
      WITH c AS (SELECT DISTINCT ON ("id") "id", reason FROM (${candidates}) x ORDER BY "id"),
       flagged AS (
         UPDATE "Order" o SET "stuck" = true, "stuckReason" = c.reason, "stuckAt" = ${at}
           FROM c WHERE o."id" = c."id" AND NOT o."stuck"
         RETURNING o."id", o."stuckReason", o."isManual", o."source"),
       alerts AS (
         INSERT INTO "Outbox" ("kind", "payload", "orderId", "dedupeKey", "availableAt", "createdAt")
         SELECT ${"notify-admin-order" satisfies OutboxKind}, jsonb_build_object('orderId', "id", 'event', 'stuck', 'reason', "stuckReason"),
                "id", ${sqlKey(DEDUPE_KEYS.stuck(Prisma.sql`"id"`, now.getTime()))}, ${at}, ${at}
           FROM flagged
         ON CONFLICT ("dedupeKey") DO NOTHING),
       customers AS (
         -- The customer of an auto order placed in the bot is told once per stage (reason), in plain words.
         INSERT INTO "Outbox" ("kind", "payload", "orderId", "dedupeKey", "availableAt", "createdAt")
         SELECT ${"notify-customer-stuck" satisfies OutboxKind}, jsonb_build_object('orderId', "id", 'stage', "stuckReason"),
                "id", 'stuck-customer:' || "id" || ':' || "stuckReason", ${at}, ${at}
           FROM flagged
          WHERE NOT "isManual" AND "source" = 'BOT' AND "stuckReason" = ANY(${[...CUSTOMER_STAGES]}::text[])
         ON CONFLICT ("dedupeKey") DO NOTHING)
       SELECT count(*) AS flagged FROM flagged`;
    // Two index-only counts rather than one "status IN (…) OR stuck" scan.
    const [counts] = await tx.$queryRaw<{ checked: bigint; stuck: bigint }[]>`
      SELECT (SELECT count(*) FROM "Order" WHERE "status" IN ('PENDING','SUBMITTING','UNKNOWN','FAILED','IN_PROGRESS')) AS checked,
             (SELECT count(*) FROM "Order" WHERE "stuck") AS stuck`;
    const result = {
      flagged: Number(flaggedRow?.flagged ?? 0),
      cleared,
      ordersChecked: Number(counts?.checked ?? 0),
      stuckNow: Number(counts?.stuck ?? 0),
    };
    await tx.stuckCheckRun.create({
      data: { startedAt: now, finishedAt: deps.now(), ordersChecked: result.ordersChecked, issuesFound: result.stuckNow },
    });
    return result;
  });
}
