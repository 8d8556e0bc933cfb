// What the broadcast use-cases need from a messenger (Telegram's Bot API in production, a fake one in
// tests): send one message and say what happened, and show progress somewhere. Injected through deps,
// so this module never imports grammY.
import type { BroadcastStatus, Language } from "@prisma/client";

/** The message as stored: HTML parse mode, optional URL button under it. */
export interface BroadcastMessage {
  html: string;
  button?: { text: string; url: string } | undefined;
}

/**
 * One send, classified once:
 * - sent: Telegram took it;
 * - retry_after: nothing was sent (429, or no connection could be made): wait `seconds` before sending anything else;
 * - blocked: 403, the user blocked the bot (or deactivated their account);
 * - failed: any other refusal (400 chat not found, bad formatting), not retried.
 * A thrown error means the outcome is unknown (network failure after the request may have left).
 */
export type SendOutcome = { kind: "sent" } | { kind: "retry_after"; seconds: number } | { kind: "blocked"; description: string } | { kind: "failed"; description: string };

export interface BroadcastCounts {
  total: number;
  sent: number;
  failed: number;
  blocked: number;
  /** Not tried yet (pending or taken by a sender right now). */
  left: number;
  /** A sender died mid-send: maybe delivered, never resent. */
  uncertain: number;
  /** Not sent because the broadcast was canceled. */
  skipped: number;
}

export interface ProgressView {
  broadcastId: number;
  status: BroadcastStatus;
  counts: BroadcastCounts;
  chatId: bigint;
  /** The message to edit; none yet: send a new one. */
  messageId: number | null;
  /** The language of whoever reads it (the admin chat's, or the author's in a private chat). */
  language: Language;
}

export interface BroadcastTransport {
  send(chatId: bigint, message: BroadcastMessage): Promise<SendOutcome>;
  /** Posts or edits the progress message; returns the id of the message now showing it (null: could not). */
  showProgress(view: ProgressView): Promise<number | null>;
}
