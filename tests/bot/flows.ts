import type { Service } from "@prisma/client";
import type { PanelBot } from "../../src/bot/create-bot.js";
import { buttonData, callbackUpdate, textUpdate, type FakeTelegram, type TgUser } from "../support/bot-factories.js";

/** Opens the order conversation for a service and answers link and quantity: returns the Confirm data. */
export async function reachSummary(bot: PanelBot, telegram: FakeTelegram, from: TgUser, service: Service, link: string, quantity: string): Promise<string> {
  await bot.handleUpdate(callbackUpdate(from, `ord:${service.id}`));
  if (service.linkKind !== "NONE") await bot.handleUpdate(textUpdate(from, link));
  if (service.min !== service.max) await bot.handleUpdate(textUpdate(from, quantity));
  return buttonData(telegram, from.id, /^oc:/);
}
