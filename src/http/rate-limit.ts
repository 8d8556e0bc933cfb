/** Fixed one-minute windows per caller key, in memory (per instance: N instances allow N times the budget). */
export interface RateLimiter {
  /** True when the call is allowed. */
  take(key: string, now?: number): boolean;
}

export function createRateLimiter(perMinute: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  return {
    take(key, now = Date.now()) {
      if (now - lastSweep > 60_000) {
        for (const [k, w] of windows) if (now - w.start >= 60_000) windows.delete(k);
        lastSweep = now;
      }
      const w = windows.get(key);
      if (!w || now - w.start >= 60_000) {
        windows.set(key, { start: now, count: 1 });
        return true;
      }
      w.count += 1;
      return w.count <= perMinute;
    },
  };
}
