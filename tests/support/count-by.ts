/**
 * Tallies for assertions that say what differed: `expect(countByStatus(orders)).toEqual({ IN_PROGRESS: 1050 })`
 * fails with `{ IN_PROGRESS: 1049, UNKNOWN: 1 }`, where `expect(orders.every(…)).toBe(true)` says only "false".
 */
export function countBy<T>(items: Iterable<T>, key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

export const countByStatus = (orders: Iterable<{ status: string }>) => countBy(orders, (o) => o.status);
