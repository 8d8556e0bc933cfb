import type { Figure, Unavailable } from "./common.js";

function fmt(n: number): string {
  if (!Number.isFinite(n)) return "–";
  const a = Math.abs(n);
  if (a >= 1000) return Math.round(n).toLocaleString("en-US");
  if (a >= 100) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  if (a >= 1) return n.toFixed(2);
  return n.toFixed(3);
}

export function printTable(figures: Figure[], unavailable: Unavailable[], meta: { load: { before: string; after: string }; machine: { cpus: number; cpuModel?: string }; durationSeconds: number }): void {
  const rows = figures.map((f) => [
    f.section,
    f.name,
    fmt(f.median),
    fmt(f.min),
    fmt(f.max),
    f.unit,
    f.target ?? "",
    f.ok === undefined ? "" : f.ok ? "ok" : "MISSED",
    f.note ?? "",
  ]);
  const head = ["section", "figure", "median", "min", "max", "unit", "target", "", "note"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  console.log("");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  let last = "";
  for (const r of rows) {
    if (last && r[0] !== last) console.log("");
    last = r[0]!;
    console.log(line(r));
  }
  for (const u of unavailable) console.log(`\n${u.section}: not available: ${u.reason}`);
  console.log(`\nmachine: ${meta.machine.cpus} × ${meta.machine.cpuModel ?? "cpu"}; load average (1/5/15 min) before ${meta.load.before}, after ${meta.load.after}; ${meta.durationSeconds} s`);
}
