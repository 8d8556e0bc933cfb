import type { Prisma } from "@prisma/client";
import type { FieldNode, GraphQLField, GraphQLObjectType, GraphQLResolveInfo, SelectionSetNode } from "graphql";
import type { Db } from "../../src/db/client.js";
import { scalarFieldNames } from "../../src/db/model-rows.js";
import { listOrders, type ListedOrder, type OrderListPage } from "../../src/orders/order-list.js";
import { Kind } from "../graphql-runtime.js";
import { markJoined } from "../joined-relations.js";

/** What Pothos asks of a prismaConnection resolver: the selection's include (or select) and the page. */
interface ConnectionQuery {
  include?: Prisma.OrderInclude;
  select?: Prisma.OrderSelect;
  take: number;
  skip: number;
  cursor?: { id?: number };
}

type Joined = "user" | "service" | "provider";
const JOINED: ReadonlySet<string> = new Set<Joined>(["user", "service", "provider"]);
type Fields = NonNullable<OrderListPage["fields"]>;
const SCALARS = { order: scalarFieldNames("Order"), user: scalarFieldNames("User"), service: scalarFieldNames("Service"), provider: scalarFieldNames("Provider") };

/**
 * The `orders` connection's rows. The usual page (orders with their user, service and provider)
 * is one hand-written statement that reads only the columns the selection shows; a deeper
 * selection (an account, a service's category, calls, counts) pages the same way, then lets
 * Prisma load it for the page's ids.
 */
export async function orderConnectionRows(db: Db, query: ConnectionQuery, info: GraphQLResolveInfo, page: Pick<OrderListPage, "filter" | "sort">): Promise<ListedOrder[]> {
  const { include, select, take, skip, cursor, ...rest } = query;
  const at: OrderListPage = { ...page, take, skip, cursorId: cursor?.id };
  const joinable = !select && Object.keys(rest).length === 0 && Object.entries(include ?? {}).every(([name, value]) => JOINED.has(name) && value === true);
  if (joinable) {
    const joined = Object.keys(include ?? {}) as Joined[];
    const rows = await listOrders(db, { ...at, fields: fieldsShown(info, joined) });
    // Their selections read only columns, which the statement read: the relations answer from the row.
    const relations = new Set<string>(joined);
    for (const row of rows) markJoined(row, relations);
    return rows;
  }
  const ids = (await listOrders(db, { ...at, fields: { order: ["id"] } })).map((o) => o.id);
  const rows = await db.order.findMany({ ...(select ? { select } : { include }), where: { id: { in: ids } } } as Prisma.OrderFindManyArgs);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!) as ListedOrder[];
}

/**
 * The columns the connection's nodes show, for the order and each joined relation: a field that
 * exposes a column names it; any other field (computed from the row) takes the whole row.
 * Pothos plans whole rows here; reading every column of four tables was most of the page's CPU.
 */
function fieldsShown(info: GraphQLResolveInfo, joined: Joined[]): Fields {
  const orderType = unwrap(unwrap(info.returnType).getFields().nodes!.type);
  const shown = new Columns();
  const walk = (set: SelectionSetNode | undefined, owner: "order" | Joined) => {
    const type = owner === "order" ? orderType : unwrap(orderType.getFields()[owner]!.type);
    for (const f of fieldsOf(set, info)) {
      const name = f.name.value;
      if (name === "__typename") continue;
      const field: GraphQLField<unknown, unknown> | undefined = type.getFields()[name];
      const extensions = field?.extensions as { pothosExposedField?: string; pothosPrismaSelect?: unknown } | undefined;
      const exposed = extensions?.pothosExposedField;
      if (owner === "order" && JOINED.has(name) && joined.includes(name as Joined)) walk(f.selectionSet, name as Joined);
      else if (exposed && SCALARS[owner].has(exposed)) shown.add(owner, exposed);
      else if (!declaredNeeds(owner, extensions?.pothosPrismaSelect)) {
        shown.all(owner);
        if (owner === "order") for (const relation of joined) shown.all(relation);
      }
    }
  };
  /**
   * A computed field's declared `select` (allowedActions: status, isManual, service.cancel and
   * .refill) adds its columns; false when there is none or it asks for more than columns. Such a
   * field reads the whole row, and on an order every joined relation's, as it may reach into them.
   */
  const declaredNeeds = (owner: "order" | Joined, select: unknown): boolean => {
    if (!select || typeof select !== "object") return false;
    for (const [name, value] of Object.entries(select)) {
      if (value === true && SCALARS[owner].has(name)) shown.add(owner, name);
      else if (owner === "order" && joined.includes(name as Joined) && isColumnSelect(value, name as Joined)) {
        for (const column of Object.keys((value as { select: object }).select)) shown.add(name, column);
      } else if (owner === "order" && joined.includes(name as Joined) && value === true) shown.all(name);
      else return false;
    }
    return true;
  };
  const isColumnSelect = (value: unknown, relation: Joined): boolean => {
    const nested = value && typeof value === "object" && Object.keys(value).length === 1 ? (value as { select?: unknown }).select : undefined;
    return !!nested && typeof nested === "object" && Object.entries(nested).every(([column, v]) => v === true && SCALARS[relation].has(column));
  };
  for (const node of info.fieldNodes) {
    for (const sub of fieldsOf(node.selectionSet, info)) {
      if (sub.name.value === "nodes") walk(sub.selectionSet, "order");
      if (sub.name.value === "edges") for (const e of fieldsOf(sub.selectionSet, info)) if (e.name.value === "node") walk(e.selectionSet, "order");
    }
  }
  const fields: Fields = { order: shown.of("order") as Fields["order"] };
  for (const relation of joined) fields[relation] = (shown.of(relation) ?? true) as never;
  return fields;
}

/** Columns asked per owner (order, user, …); id always, as cursors and joins need it. */
class Columns {
  private readonly sets = new Map<string, Set<string> | "all">();
  add(owner: string, column: string) {
    const set = this.sets.get(owner) ?? new Set<string>(["id"]);
    if (set !== "all") this.sets.set(owner, set.add(column));
  }
  all(owner: string) {
    this.sets.set(owner, "all");
  }
  /** The columns asked, or undefined for every column. */
  of(owner: string): string[] | undefined {
    const set = this.sets.get(owner);
    return set === "all" ? undefined : [...(set ?? ["id"])];
  }
}

function unwrap(type: unknown): GraphQLObjectType {
  let t = type as { ofType?: unknown };
  while (t.ofType) t = t.ofType as { ofType?: unknown };
  return t as GraphQLObjectType;
}

/** The fields of a selection set, through fragments and inline fragments (a skipped one counts: reading more is safe). */
function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (s: SelectionSetNode | undefined) => {
    for (const sel of s?.selections ?? []) {
      if (sel.kind === Kind.FIELD) out.push(sel);
      else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet);
      else visit(info.fragments[sel.name.value]?.selectionSet);
    }
  };
  visit(set);
  return out;
}
