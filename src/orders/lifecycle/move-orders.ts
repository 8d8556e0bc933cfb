import { Prisma } from "@prisma/client";
import type { SqlClient } from "../../db/sql-client.js";
import type { MoveOrder } from "./move-order.js";
import { rulesFor, type OrderEvent, type Role } from "./transitions.js";

/** One order of a batch move: its own data (what moveOrder's `data` would be). */
export interface OrderMove {
  orderId: number;
  data: NonNullable<MoveOrder["data"]>;
}

/**
 * The batch form of moveOrder for one event by one role: each order with its own data, guarded by
 * the same from-statuses (and manual/auto) as moveOrder, so an order a concurrent transition moved
 * first changes nothing. One UPDATE per set of written columns (rows typed as "Order" by
 * jsonb_populate_recordset). Returns the ids this call moved. Runs on any SqlClient: the sync
 * writes its batches on node-postgres, where the statement costs a fraction of Prisma's CPU.
 */
export async function moveOrders(sql: SqlClient, event: OrderEvent, by: Role, at: Date, moves: readonly OrderMove[]): Promise<Set<number>> {
  const rules = rulesFor(event).filter((r) => r.by.includes(by));
  const to = rulesFor(event)[0]?.to;
  if (!to) throw new Error(`Order event ${event} does not change the status`);
  const moved = new Set<number>();
  if (rules.length === 0 || moves.length === 0) return moved;
  const guard = Prisma.join(
    rules.map((r) => Prisma.sql`(o."status"::text = ANY(${[...r.from]}::text[])${r.only ? Prisma.sql` AND o."isManual" = ${r.only === "manual"}` : Prisma.empty})`),
    " OR ",
  );
  // Rows that write the same columns go together (a column absent from a row must stay as it is).
  const groups = new Map<string, OrderMove[]>();
  for (const m of moves) {
    if ("status" in m.data) throw new Error("moveOrders: the status comes from the event");
    const key = Object.keys(m.data).sort().join(",");
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const [key, group] of groups) {
    const columns = key ? key.split(",") : [];
    const set = Prisma.join(
      [Prisma.sql`"status" = ${to}::"OrderStatus"`, Prisma.sql`"updatedAt" = ${at}`, ...columns.map((c) => Prisma.sql`${Prisma.raw(`"${c.replaceAll('"', "")}"`)} = v.${Prisma.raw(`"${c.replaceAll('"', "")}"`)}`)],
      ", ",
    );
    const rows = JSON.stringify(group.map((m) => ({ ...m.data, id: m.orderId })));
    const done = await sql.rows<{ id: number }>(Prisma.sql`
      UPDATE "Order" o SET ${set}
        FROM jsonb_populate_recordset(NULL::"Order", ${rows}::jsonb) v
       WHERE o."id" = v."id" AND (${guard})
      RETURNING o."id"`);
    for (const r of done) moved.add(r.id);
  }
  return moved;
}
