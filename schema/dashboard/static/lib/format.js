import { el } from "./dom.js";
import { locale, t } from "./i18n.js";

export const statusLabel = (status) => t(`status.${status}`);
export const when = (iso) => (iso ? new Date(iso).toLocaleString(locale()) : "—");
export const day = (iso) => (iso ? new Date(iso).toLocaleDateString(locale()) : "—");
export const who = (u) => (u ? `#${u.id} ${u.username ? "@" + u.username : u.firstName || ""}`.trim() : "—");
export const badge = (status) => el("span", { class: `badge status-${status}` }, statusLabel(status));
export const pct = (x) => (x === null || x === undefined ? "—" : `${(x * 100).toFixed(1)}%`);

/** Seconds as "45 s", "12 min", "3.5 h" or "2.1 d". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return "—";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  const tenths = (x) => x.toFixed(1).replace(/\.0$/, "");
  if (seconds < 129600) return `${tenths(seconds / 3600)} h`;
  return `${tenths(seconds / 86400)} d`;
}
