import type { BotCommand } from "grammy/types";
import type { Translate } from "../i18n.js";

export const CUSTOMER_COMMANDS = ["start", "services", "mass", "orders", "balance", "topup", "support", "language", "apikey", "cancel"] as const;

export function commandsFor(t: Translate): BotCommand[] {
  return CUSTOMER_COMMANDS.map((command) => ({ command, description: t(`cmd-${command}`) }));
}
