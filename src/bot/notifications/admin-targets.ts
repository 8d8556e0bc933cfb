import type { Config } from "../../config.js";
import type { Language } from "@prisma/client";

/** Where admin announcements go: the admin chat, or each admin privately when no chat is configured. */
export function adminTargets(config: Config): number[] {
  if (config.ADMIN_CHAT_ID !== undefined) return [Number(config.ADMIN_CHAT_ID)];
  return config.ADMIN_IDS.map(Number);
}

/** The admin chat is shared: it speaks the configured admin language. */
export function adminLocale(config: Config): Language {
  return config.ADMIN_LANGUAGE;
}
