import type { DeliveryEstimateView } from "../estimates/delivery-estimate.js";
import type { Translate } from "./i18n.js";

type Unit = "min" | "h" | "d";

/** A duration in the unit people use for it; `up` rounds up (an upper bound), otherwise down, never to 0. */
function inUnit(seconds: number, up: boolean): { n: number; unit: Unit } {
  const round = (x: number) => Math.max(1, up ? Math.ceil(x) : Math.floor(x));
  if (seconds < 3600) return { n: round(seconds / 60), unit: "min" };
  if (seconds < 48 * 3600) return { n: round(seconds / 3600), unit: "h" };
  return { n: round(seconds / 86400), unit: "d" };
}

function span(t: Translate, fromSec: number, toSec: number): string {
  const to = inUnit(toSec, true);
  const from = inUnit(fromSec, false);
  if (from.unit === to.unit && from.n >= to.n) return t(`estimate-${to.unit}`, { n: to.n });
  if (from.unit === to.unit) return t(`estimate-${to.unit}-range`, { from: from.n, to: to.n });
  return `${t(`estimate-${from.unit}`, { n: from.n })} – ${t(`estimate-${to.unit}`, { n: to.n })}`;
}

/**
 * "⏱ usually starts within 20 min, completes in 2–6 h": start is the 90th percentile (9 orders in
 * 10 start by then), completion the median to the 90th percentile. Numbers go to Fluent as numbers,
 * so Bengali gets Bengali digits.
 */
export function estimateText(t: Translate, view: DeliveryEstimateView): string {
  if (!view.figures) return t("estimate-not-enough");
  const f = view.figures;
  const start = inUnit(f.startP90Sec, true);
  return t("estimate-line", { start: t(`estimate-${start.unit}`, { n: start.n }), complete: span(t, f.completeP50Sec, f.completeP90Sec) });
}
