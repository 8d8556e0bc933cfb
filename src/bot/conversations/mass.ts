import type { Language } from "@prisma/client";
import type { Deps } from "../../deps.js";
import { Decimal } from "../../money/decimal.js";
import { placeMassOrder } from "../../orders/place-mass-order.js";
import { DomainError } from "../../shared/errors.js";
import type { BotConversation, ConvContext } from "../context.js";
import { errorText } from "../errors.js";
import { money } from "../format.js";
import type { I18n } from "../i18n.js";
import { deliverNow } from "../notifications/deliver-now.js";
import { waitText } from "./wait.js";

/**
 * One `service_id | link | quantity` per line; every line is checked and either all are placed
 * and charged or none. The message names the batch, so a redelivered message places nothing new.
 */
export function massOrderConversation(deps: Deps, i18n: I18n) {
  return async function mass(conversation: BotConversation, ctx: ConvContext, locale: Language): Promise<void> {
    const t = i18n.translator(locale);
    await ctx.reply(t("mass-ask"));
    for (;;) {
      const { ctx: answer, text } = await waitText(conversation, t("hint-send-text"));
      const key = `mass:${answer.chat!.id}:${answer.message!.message_id}`;
      const result = await conversation.external(async (outside) => {
        try {
          const { orders } = await placeMassOrder(deps, { userId: outside.user!.id, text, idempotencyKey: key });
          await deliverNow(deps, outside.api, i18n, { orderIds: orders.map((o) => o.id) });
          const total = orders.reduce((sum, o) => sum.add(o.charge), new Decimal(0));
          return { ok: true as const, count: orders.length, ids: orders.map((o) => o.id), total: total.toString() };
        } catch (error) {
          if (error instanceof DomainError) return { ok: false as const, message: errorText(i18n, locale, error, deps.config.SHOP_CURRENCY) };
          throw error;
        }
      });
      if (result.ok) {
        await answer.reply(t("mass-placed", { count: String(result.count), ids: result.ids.map((id) => `#${id}`).join(", "), total: money(locale, result.total, deps.config.SHOP_CURRENCY) }));
        return;
      }
      await answer.reply(`${result.message}\n\n${t("mass-try-again")}`);
    }
  };
}
