import { createHash } from "node:crypto";
import { ValidationError } from "../shared/errors.js";
import type { BroadcastMessage } from "./transport.js";

/** Telegram's limit on a message's text after entity parsing; the HTML source may be longer, Telegram has the last word (the preview). */
export const MAX_TEXT = 4096;
const MAX_HTML = 10_000;
const MAX_BUTTON_TEXT = 64;

export interface MessageInput {
  html: string;
  buttonText?: string | null;
  buttonUrl?: string | null;
}

/**
 * Checks what can be checked here; whether Telegram accepts the HTML is learned by sending the
 * preview (starting requires a preview of exactly this message).
 */
export function validateMessage(input: MessageInput): BroadcastMessage {
  const html = input.html.trim();
  if (!html) throw new ValidationError("text", "empty_text", "The message is empty");
  if (html.length > MAX_HTML) throw new ValidationError("text", "text_too_long", `The message is longer than ${MAX_HTML} characters`, { max: MAX_HTML });
  const buttonText = input.buttonText?.trim() || null;
  const buttonUrl = input.buttonUrl?.trim() || null;
  if (!buttonText && !buttonUrl) return { html };
  if (!buttonText || !buttonUrl) throw new ValidationError("button", "button_incomplete", "A button needs both a text and a URL");
  if (buttonText.length > MAX_BUTTON_TEXT) throw new ValidationError("buttonText", "button_text_too_long", `The button text is longer than ${MAX_BUTTON_TEXT} characters`, { max: MAX_BUTTON_TEXT });
  if (!isButtonUrl(buttonUrl)) throw new ValidationError("buttonUrl", "bad_button_url", "The button URL must start with https://, http:// or tg://");
  return { html, button: { text: buttonText, url: buttonUrl } };
}

function isButtonUrl(raw: string): boolean {
  if (raw.length > 2048 || /\s/.test(raw)) return false;
  try {
    const url = new URL(raw);
    return (url.protocol === "https:" || url.protocol === "http:" ? url.hostname.includes(".") : url.protocol === "tg:");
  } catch {
    return false;
  }
}

/** Identifies the exact message a preview showed (start is refused if it changed since). */
export function messageHash(m: BroadcastMessage): string {
  return createHash("sha256").update(JSON.stringify([m.html, m.button?.text ?? null, m.button?.url ?? null])).digest("hex");
}

export function messageOf(b: { text: string; buttonText: string | null; buttonUrl: string | null }): BroadcastMessage {
  return b.buttonText && b.buttonUrl ? { html: b.text, button: { text: b.buttonText, url: b.buttonUrl } } : { html: b.text };
}
