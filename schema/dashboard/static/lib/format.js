import { el } from "./dom.js";

export const STATUS_LABEL = {
  PENDING: "Pending", SUBMITTING: "Submitting", FAILED: "Failed", UNKNOWN: "Unknown",
  IN_PROGRESS: "In progress", COMPLETED: "Completed", PARTIAL: "Partial", CANCELED: "Canceled",
};

export const when = (iso) => (iso ? new Date(iso).toLocaleString() : "—");
export const who = (u) => (u ? `#${u.id} ${u.username ? "@" + u.username : u.firstName || ""}`.trim() : "—");
export const badge = (status) => el("span", { class: `badge status-${status}` }, STATUS_LABEL[status] || status);
