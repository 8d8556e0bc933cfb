import type { Prisma } from "@prisma/client";
import type { Db } from "../../src/db/client.js";
import { listOrders, type ListedOrder, type OrderListPage } from "../../src/orders/order-list.js";

/** What Pothos asks of a prismaConnection resolver: the selection's include/select and the page. */
interface ConnectionQuery {
  include?: Prisma.OrderInclude;
  select?: Prisma.OrderSelect;
  take: number;
  skip: number;
  cursor?: { id?: number };
}

const JOINED = new Set(["user", "service", "provider"]);

/**
 * The `orders` connection's rows. The usual page (orders with their user, service and provider)
 * is one hand-written statement; a deeper selection (an account, a service's category, calls)
 * pages the same way, then lets Prisma load those rows for the page's ids.
 */
export async function orderConnectionRows(db: Db, query: ConnectionQuery, page: Pick<OrderListPage, "filter" | "sort">): Promise<ListedOrder[]> {
  const { include, select, take, skip, cursor, ...rest } = query;
  const at: OrderListPage = { ...page, take, skip, cursorId: cursor?.id };
  const joinable = !select && Object.keys(rest).length === 0 && Object.entries(include ?? {}).every(([name, value]) => JOINED.has(name) && value === true);
  if (joinable) return listOrders(db, { ...at, with: { user: !!include?.user, service: !!include?.service, provider: !!include?.provider } });
  const ids = (await listOrders(db, at)).map((o) => o.id);
  const rows = await db.order.findMany({ ...(select ? { select } : { include }), where: { id: { in: ids } } } as Prisma.OrderFindManyArgs);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!) as ListedOrder[];
}
