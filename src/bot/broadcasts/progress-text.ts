import { InlineKeyboard } from "grammy";
import type { BroadcastStatus } from "@prisma/client";
import type { BroadcastCounts, ProgressView } from "../../broadcasts/transport.js";
import type { Translate } from "../i18n.js";

/** Callback data of the broadcast buttons: `bc:<action>:<broadcast id>`. */
export const BROADCAST_CALLBACK = /^bc:(start|cancel|pause|resume):(\d+)$/;

export function progressText(t: Translate, view: { broadcastId: number; status: BroadcastStatus; counts: BroadcastCounts }): string {
  const c = view.counts;
  const lines = [
    t("broadcast-progress-title", { id: view.broadcastId, status: t(`broadcast-status-${view.status}`) }),
    t("broadcast-progress-counts", { sent: c.sent, failed: c.failed, blocked: c.blocked, left: c.left, total: c.total }),
  ];
  if (c.uncertain > 0) lines.push(t("broadcast-progress-uncertain", { uncertain: c.uncertain }));
  if (c.skipped > 0) lines.push(t("broadcast-progress-skipped", { skipped: c.skipped }));
  return lines.join("\n");
}

export function progressButtons(t: Translate, view: { broadcastId: number; status: BroadcastStatus }): InlineKeyboard {
  const k = new InlineKeyboard();
  if (view.status === "RUNNING") k.text(t("broadcast-btn-pause"), `bc:pause:${view.broadcastId}`);
  if (view.status === "PAUSED") k.text(t("broadcast-btn-resume"), `bc:resume:${view.broadcastId}`);
  if (view.status === "RUNNING" || view.status === "PAUSED") k.text(t("broadcast-btn-cancel"), `bc:cancel:${view.broadcastId}`);
  return k;
}

/** Send / Cancel under the preview summary. */
export function confirmButtons(t: Translate, broadcastId: number): InlineKeyboard {
  return new InlineKeyboard().text(t("broadcast-btn-send"), `bc:start:${broadcastId}`).text(t("broadcast-btn-cancel"), `bc:cancel:${broadcastId}`);
}
