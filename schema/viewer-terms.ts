import type { ResellerTerms } from "../src/orders/pricing.js";
import { loadResellerTerms } from "../src/orders/load-reseller-terms.js";
import type { GraphQLContext } from "./context.js";

const cache = new WeakMap<GraphQLContext, Promise<ResellerTerms | null>>();

/** The viewer's price terms, read once per request (null for anyone buying at list prices). */
export function viewerTerms(ctx: GraphQLContext): Promise<ResellerTerms | null> {
  const viewer = ctx.viewer;
  if (!viewer || viewer.role !== "RESELLER") return Promise.resolve(null);
  let terms = cache.get(ctx);
  if (!terms) cache.set(ctx, (terms = loadResellerTerms(ctx.deps.db, viewer.userId)));
  return terms;
}
