import type { DeliveryEstimate } from "@prisma/client";
import type { Db } from "../db/client.js";

/** Below this many completed orders in the window, no figure is shown ("not enough data"). */
export const MIN_ORDERS_FOR_ESTIMATE = 5;
/** The window the figures cover. */
export const ESTIMATE_WINDOW_DAYS = 30;
/** DeliveryEstimate.providerId of the row that covers all providers of a service. */
export const ALL_PROVIDERS = 0;

export interface EstimateFigures {
  startP50Sec: number;
  startP90Sec: number;
  completeP50Sec: number;
  completeP90Sec: number;
}

/** What a service's customers may be told: figures only with enough orders behind them. */
export interface DeliveryEstimateView {
  /** Completed orders in the last ESTIMATE_WINDOW_DAYS days. */
  orders: number;
  figures: EstimateFigures | null;
}

export function toEstimateView(row: Pick<DeliveryEstimate, "orders" | "startP50Sec" | "startP90Sec" | "completeP50Sec" | "completeP90Sec"> | null | undefined): DeliveryEstimateView {
  if (!row || row.orders < MIN_ORDERS_FOR_ESTIMATE || row.startP50Sec === null || row.startP90Sec === null || row.completeP50Sec === null || row.completeP90Sec === null) {
    return { orders: row?.orders ?? 0, figures: null };
  }
  return { orders: row.orders, figures: { startP50Sec: row.startP50Sec, startP90Sec: row.startP90Sec, completeP50Sec: row.completeP50Sec, completeP90Sec: row.completeP90Sec } };
}

/** The customer-facing estimate of each service (all its providers together); absent ids get "not enough data". */
export async function loadDeliveryEstimates(db: Db, serviceIds: readonly number[]): Promise<Map<number, DeliveryEstimateView>> {
  const rows = await db.deliveryEstimate.findMany({ where: { serviceId: { in: [...new Set(serviceIds)] }, providerId: ALL_PROVIDERS } });
  const byService = new Map(rows.map((r) => [r.serviceId, r]));
  return new Map(serviceIds.map((id) => [id, toEstimateView(byService.get(id))]));
}

export async function loadDeliveryEstimate(db: Db, serviceId: number): Promise<DeliveryEstimateView> {
  return (await loadDeliveryEstimates(db, [serviceId])).get(serviceId)!;
}

/**
 * The reseller API's `average_time` for each service, as panels show it: the median time to complete,
 * in whole minutes, or null without enough data.
 */
export async function averageTimeMinutes(db: Db, serviceIds: readonly number[]): Promise<Map<number, number | null>> {
  const views = await loadDeliveryEstimates(db, serviceIds);
  return new Map([...views].map(([id, v]) => [id, v.figures ? Math.max(1, Math.round(v.figures.completeP50Sec / 60)) : null]));
}
