import type { Order, OrderStatus, Provider, Service, User } from "@prisma/client";
import type { Db } from "../db/client.js";
import { sqlOf } from "../db/sql-client.js";
import { modelColumns, type ModelColumns } from "../db/model-rows.js";

/** The admin's order filters; an empty or absent field does not filter. */
export interface OrderListFilter {
  status?: OrderStatus[] | null;
  providerId?: number | null;
  serviceId?: number | null;
  userId?: number | null;
  /** Created at or after. */
  createdFrom?: Date | null;
  /** Created before. */
  createdTo?: Date | null;
  stuck?: boolean | null;
  manual?: boolean | null;
}

export type OrderSortColumn = "createdAt" | "updatedAt" | "charge" | "quantity";

export interface OrderListPage {
  filter?: OrderListFilter | null;
  /** id breaks ties in the same direction, so the order is total and a cursor names one place. */
  sort: { column: OrderSortColumn; direction: "asc" | "desc" };
  /** Rows to read from the cursor on; negative reads backwards and answers in sort order (as Prisma's `take`). */
  take: number;
  skip?: number;
  /** Start at this order's place in the sort (the row itself included unless skipped); an unknown id reads nothing. */
  cursorId?: number;
  /**
   * The order's fields to read (every one when absent) and the relations to read with it in the
   * same statement: the fields named, or every one (`true`). A row holds only what was asked.
   */
  fields?: {
    order?: readonly (keyof Order)[];
    user?: readonly (keyof User)[] | true;
    service?: readonly (keyof Service)[] | true;
    provider?: readonly (keyof Provider)[] | true;
  };
}

export type ListedOrder = Order & { user?: User; service?: Service; provider?: Provider | null };

type Model = "Order" | "User" | "Service" | "Provider";
const columnSets = new Map<string, ModelColumns<never>>();
/** A client picks the field lists, so the cache is bounded; the dashboard and the API ask for a handful. */
const MAX_COLUMN_SETS = 256;

/** Built once per model and field list. */
function columnsOf<T>(model: Model, alias: string, fields: readonly string[] | true | undefined): ModelColumns<T> {
  const key = `${model}:${fields === true || fields === undefined ? "*" : fields.join(",")}`;
  let set = columnSets.get(key);
  if (!set) {
    set = modelColumns<never>(model, alias, alias, fields === true ? undefined : fields);
    if (columnSets.size >= MAX_COLUMN_SETS) columnSets.clear();
    columnSets.set(key, set);
  }
  return set as ModelColumns<T>;
}

const SORT_COLUMNS: ReadonlySet<OrderSortColumn> = new Set(["createdAt", "updatedAt", "charge", "quantity"]);

/**
 * One page of orders with the relations asked for, in one statement: the admin's orders list
 * (GraphQL `orders`, the dashboard) is the hottest read, and Prisma's runtime cost several times
 * the query's own time on it.
 */
export async function listOrders(db: Db, page: OrderListPage): Promise<ListedOrder[]> {
  const { column, direction } = page.sort;
  if (!SORT_COLUMNS.has(column)) throw new Error(`listOrders: cannot sort by ${String(column)}`);
  const params: unknown[] = [];
  const where = filterConditions(page.filter, params);
  const backward = page.take < 0;
  const dir = (direction === "desc") !== backward ? "DESC" : "ASC";
  const sortBy = `o."${column}"`;
  if (page.cursorId !== undefined) {
    params.push(page.cursorId);
    where.push(`(${sortBy}, o.id) ${dir === "DESC" ? "<=" : ">="} (SELECT c."${column}", c.id FROM "Order" c WHERE c.id = $${params.length})`);
  }
  params.push(Math.abs(page.take), page.skip ?? 0);
  const fields = page.fields ?? {};
  const order = columnsOf<Order>("Order", "o", fields.order);
  const user = fields.user && columnsOf<User>("User", "u", fields.user);
  const service = fields.service && columnsOf<Service>("Service", "s", fields.service);
  const provider = fields.provider && columnsOf<Provider>("Provider", "p", fields.provider);
  const columns = [order.select];
  const joins: string[] = [];
  if (user) {
    columns.push(user.select);
    joins.push(`JOIN "User" u ON u.id = o."userId"`);
  }
  if (service) {
    columns.push(service.select);
    joins.push(`JOIN "Service" s ON s.id = o."serviceId"`);
  }
  if (provider) {
    columns.push(provider.select, `p.id AS "p?"`);
    joins.push(`LEFT JOIN "Provider" p ON p.id = o."providerId"`);
  }
  const sql = `SELECT ${columns.join(", ")} FROM "Order" o ${joins.join(" ")}
    ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY ${sortBy} ${dir}, o.id ${dir} LIMIT $${params.length - 1} OFFSET $${params.length}`;
  const rows = await sqlOf(db).query<Record<string, unknown>>(sql, params);
  const orders = rows.map((row) => {
    const listed: ListedOrder = order.read(row);
    if (user) listed.user = user.read(row);
    if (service) listed.service = service.read(row);
    if (provider) listed.provider = row["p?"] === null ? null : provider.read(row);
    return listed;
  });
  return backward ? orders.reverse() : orders;
}

export async function countOrders(db: Db, filter: OrderListFilter | null | undefined): Promise<number> {
  const params: unknown[] = [];
  const where = filterConditions(filter, params);
  const [row] = await sqlOf(db).query<{ n: number }>(`SELECT count(*)::int AS n FROM "Order" o ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`, params);
  return row!.n;
}

function filterConditions(f: OrderListFilter | null | undefined, params: unknown[]): string[] {
  const where: string[] = [];
  if (!f) return where;
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (f.status?.length) where.push(`o.status = ANY(${param(f.status)}::"OrderStatus"[])`);
  if (f.providerId != null) where.push(`o."providerId" = ${param(f.providerId)}`);
  if (f.serviceId != null) where.push(`o."serviceId" = ${param(f.serviceId)}`);
  if (f.userId != null) where.push(`o."userId" = ${param(f.userId)}`);
  if (f.stuck != null) where.push(`o.stuck = ${param(f.stuck)}`);
  if (f.manual != null) where.push(`o."isManual" = ${param(f.manual)}`);
  if (f.createdFrom) where.push(`o."createdAt" >= ${param(f.createdFrom)}`);
  if (f.createdTo) where.push(`o."createdAt" < ${param(f.createdTo)}`);
  return where;
}
