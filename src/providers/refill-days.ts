// Providers state a service's refill window only in its name or description ("Refill 30d",
// "[30 Days Refill]", "R30"); there is no field for it in API v2.
const PATTERNS = [
  /refill[^\d\n]{0,12}?(\d{1,4})\s*(?:days?|d)\b/i,
  /(\d{1,4})\s*(?:days?|d)\b[\s\]\)\-:|]{0,4}(?:auto[\s-]*)?refill/i,
  /(?:^|[\s\[(|-])R(\d{1,4})(?=$|[\s\]),|-])/,
];

/** The refill window in days a provider's service text names, or null (none named, or "lifetime"). */
export function refillDaysIn(...texts: (string | null | undefined)[]): number | null {
  for (const text of texts) {
    if (!text) continue;
    for (const pattern of PATTERNS) {
      const days = Number(pattern.exec(text)?.[1]);
      if (Number.isInteger(days) && days >= 1 && days <= 3650) return days;
    }
  }
  return null;
}
