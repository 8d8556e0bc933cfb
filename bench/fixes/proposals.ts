// A proposed change measured next to the shipped code without touching src/ (README "Benchmarks").
// Fixes B (placement in one read + one write) and C (batched sync progress) were measured here
// first and now ship in src/orders and src/sync; what the bench measures for them is the shipped code.

// ---------------------------------------------------------------------------------------------
// Fix A (stuck detection): two partial indexes, measured on top of what ships (a composite index
// for unconfirmed deliveries and index-only counts).

export const STUCK_INDEXES = [
  // delivery_unconfirmed: otherwise a scan of every COMPLETED order (≈ all of them), twice per pass.
  `CREATE INDEX IF NOT EXISTS "Order_delivery_unconfirmed_idx" ON "Order" ("completedAt")
     WHERE "isManual" AND "status" = 'COMPLETED' AND "deliveryNotifiedAt" IS NULL`,
  // The pass's counts (`status IN (not final) OR stuck`): otherwise a scan of the whole (stuck, status) index.
  `CREATE INDEX IF NOT EXISTS "Order_not_final_or_stuck_idx" ON "Order" ("status", "stuck")
     WHERE "status" IN ('PENDING','SUBMITTING','UNKNOWN','FAILED','IN_PROGRESS') OR "stuck"`,
];
export const DROP_STUCK_INDEXES = [`DROP INDEX IF EXISTS "Order_delivery_unconfirmed_idx"`, `DROP INDEX IF EXISTS "Order_not_final_or_stuck_idx"`];
