/**
 * When an order counts as started, for time-to-start: the provider reports anything but "Pending",
 * or has delivered something. Read by every writer of provider progress (sync and status apply).
 */
export function providerHasStarted(report: { raw: string; remains?: number | null }, quantity: number): boolean {
  const raw = report.raw.trim().toLowerCase();
  if (raw !== "" && raw !== "pending") return true;
  return report.remains != null && report.remains < quantity;
}
