import type { Config } from "../../config.js";
import { DEFAULT_LOCALE } from "../i18n.js";

/** Where admin announcements go: the admin chat, or each admin privately when no chat is configured. */
export function adminTargets(config: Config): number[] {
  if (config.ADMIN_CHAT_ID !== undefined) return [Number(config.ADMIN_CHAT_ID)];
  return config.ADMIN_IDS.map(Number);
}

/** The admin chat is shared: it speaks the shop's default language. */
export const ADMIN_LOCALE = DEFAULT_LOCALE;
