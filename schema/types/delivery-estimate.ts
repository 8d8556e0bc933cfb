import { ALL_PROVIDERS, MIN_ORDERS_FOR_ESTIMATE, toEstimateView } from "../../src/estimates/delivery-estimate.js";
import { builder } from "../builder.js";

interface EstimateRow {
  providerId: number;
  orders: number;
  startP50Sec: number | null;
  startP90Sec: number | null;
  completeP50Sec: number | null;
  completeP90Sec: number | null;
}

type EstimateNode = EstimateRow & { byProvider?: EstimateRow[] };
export const DeliveryEstimate = builder.objectRef<EstimateNode>("DeliveryEstimate");
DeliveryEstimate.implement({
  description: `Time to start and to complete over the completed orders of the last 30 days. The figures are null with fewer than ${MIN_ORDERS_FOR_ESTIMATE} orders ("not enough data").`,
  fields: (t) => {
    const seconds = (key: "startP50Sec" | "startP90Sec" | "completeP50Sec" | "completeP90Sec", description: string) =>
      t.int({ nullable: true, description, resolve: (r) => toEstimateView(r).figures?.[key] ?? null });
    return {
      providerId: t.int({ nullable: true, description: "The provider these orders ran at; null for all providers of the service together.", resolve: (r) => (r.providerId === ALL_PROVIDERS ? null : r.providerId) }),
      orders: t.exposeInt("orders", { description: "Completed orders in the window." }),
      enoughData: t.boolean({ resolve: (r) => toEstimateView(r).figures !== null }),
      startMedianSeconds: seconds("startP50Sec", "Median time from placement to the provider starting."),
      startP90Seconds: seconds("startP90Sec", "90th percentile of the time to start."),
      completeMedianSeconds: seconds("completeP50Sec", "Median time from placement to completion."),
      completeP90Seconds: seconds("completeP90Sec", "90th percentile of the time to complete."),
      byProvider: t.field({ type: [DeliveryEstimate], nullable: true, description: "The same figures per provider behind the service (admins only; null elsewhere).", resolve: (r) => r.byProvider ?? null }),
    };
  },
});

export const Category = builder.prismaObject("Category", {
  fields: (t) => ({
    id: t.exposeInt("id"),
    nameBn: t.exposeString("nameBn"),
    nameEn: t.exposeString("nameEn"),
    sortOrder: t.exposeInt("sortOrder"),
    active: t.exposeBoolean("active"),
    services: t.relation("services", { query: { orderBy: { id: "asc" } } }),
    servicesCount: t.relationCount("services"),
  }),
});

/** A service's estimate rows as the GraphQL node: all providers together, and per provider for admins. */
export function estimateNode(rows: EstimateRow[], withProviders: boolean): EstimateNode {
  const all = rows.find((e) => e.providerId === ALL_PROVIDERS);
  const empty = { providerId: ALL_PROVIDERS, orders: 0, startP50Sec: null, startP90Sec: null, completeP50Sec: null, completeP90Sec: null };
  return { ...(all ?? empty), ...(withProviders ? { byProvider: rows.filter((e) => e.providerId !== ALL_PROVIDERS) } : {}) };
}
