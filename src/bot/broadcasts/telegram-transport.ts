// The broadcast transport on Telegram's Bot API: sends in HTML parse mode with the optional URL
// button, classifies each answer once (sent · retry_after · blocked · failed · thrown = unknown), and
// posts/edits the progress message. Its Api has no auto-retry: a 429 must pause the whole broadcast
// (src/broadcasts/send-broadcasts.ts), not one call.
import { Api, GrammyError, HttpError, InlineKeyboard } from "grammy";
import type { BroadcastMessage, BroadcastTransport, ProgressView, SendOutcome } from "../../broadcasts/transport.js";
import type { Config } from "../../config.js";
import type { I18n } from "../i18n.js";
import { progressButtons, progressText } from "./progress-text.js";

/** An Api for broadcasts only: no auto-retry, and a bounded wait for each call. */
export function broadcastApi(config: Config, options: { fetch?: typeof fetch } = {}): Api {
  return new Api(config.BOT_TOKEN ?? "", { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: 30, ...(options.fetch ? { fetch: options.fetch } : {}) });
}

export function telegramBroadcasts(api: Api, i18n: I18n): BroadcastTransport {
  return {
    async send(chatId, message) {
      try {
        await api.sendMessage(Number(chatId), message.html, sendOptions(message));
        return { kind: "sent" };
      } catch (error) {
        return classify(error);
      }
    },
    showProgress: (view) => showProgress(api, i18n, view),
  };
}

function sendOptions(message: BroadcastMessage) {
  return {
    parse_mode: "HTML" as const,
    ...(message.button ? { reply_markup: new InlineKeyboard().url(message.button.text, message.button.url) } : {}),
  };
}

function classify(error: unknown): SendOutcome {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) return { kind: "retry_after", seconds: Math.max(1, error.parameters.retry_after ?? 5) };
    if (error.error_code === 403) return { kind: "blocked", description: error.description };
    if (error.error_code === 400) return { kind: "failed", description: error.description };
  }
  // A connection that was never made sent nothing: wait a little and try again.
  if (error instanceof HttpError && /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(String((error.error as { cause?: { code?: string } })?.cause?.code ?? error.message))) {
    return { kind: "retry_after", seconds: 5 };
  }
  throw error;
}

async function showProgress(api: Api, i18n: I18n, view: ProgressView): Promise<number | null> {
  const t = i18n.translator(view.language);
  const text = progressText(t, view);
  const reply_markup = progressButtons(t, view);
  const chatId = Number(view.chatId);
  if (view.messageId !== null) {
    try {
      await api.editMessageText(chatId, view.messageId, text, { reply_markup });
      return view.messageId;
    } catch (error) {
      if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return view.messageId;
      if (!(error instanceof GrammyError && /message to edit not found|message can't be edited/i.test(error.description))) throw error;
      // Deleted or too old to edit: post a fresh one.
    }
  }
  const sent = await api.sendMessage(chatId, text, { reply_markup });
  return sent.message_id;
}
