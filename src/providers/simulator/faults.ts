import type { FaultFunction, FaultRule, FaultSpec, SimRequest } from "./types.js";

interface Entry {
  decide: FaultFunction;
  remaining: number;
}

/** Rules are tried in the order they were added; the first that matches a request is used up by it. */
export class FaultQueue {
  private entries: Entry[] = [];

  add(rule: FaultRule | FaultFunction): { remove(): void } {
    const entry: Entry =
      typeof rule === "function" ? { decide: rule, remaining: Infinity } : { decide: matcher(rule), remaining: rule.times ?? 1 };
    this.entries.push(entry);
    return { remove: () => this.drop(entry) };
  }

  take(request: SimRequest): FaultSpec | null {
    for (const entry of this.entries) {
      if (entry.remaining <= 0) continue;
      const fault = entry.decide(request);
      if (!fault) continue;
      entry.remaining -= 1;
      if (entry.remaining <= 0) this.drop(entry);
      return fault;
    }
    return null;
  }

  /** Rules not yet used up (function rules count as one). */
  pending(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
  }

  private drop(entry: Entry): void {
    this.entries = this.entries.filter((e) => e !== entry);
  }
}

function matcher(rule: FaultRule): FaultFunction {
  const { action, times: _times, when, ...fault } = rule;
  const actions = action === undefined ? null : new Set(typeof action === "string" ? [action] : action);
  return (request) => {
    if (actions !== null && !actions.has(request.action)) return null;
    if (when && !when(request)) return null;
    return fault as FaultSpec;
  };
}
