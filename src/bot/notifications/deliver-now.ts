import type { Api } from "grammy";
import type { Deps } from "../../deps.js";
import type { I18n } from "../i18n.js";
import type { OutboxScope } from "../../outbox/claim.js";
import { deliverNotifications } from "./deliver-notifications.js";

/**
 * Delivers the notifications an action just queued (admin chat alert, customer confirmation) at
 * once instead of at the next scheduled run. Still through the outbox, so still once; a failure
 * here is left for the scheduled run.
 */
export async function deliverNow(deps: Deps, api: Api, i18n: I18n, scope: OutboxScope): Promise<void> {
  try {
    await deliverNotifications(deps, api, { i18n, scope });
  } catch (err) {
    deps.logger.warn({ err, scope }, "Immediate notification delivery failed; the scheduled run will retry");
  }
}
