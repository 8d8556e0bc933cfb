import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Deps } from "../../deps.js";
import type { PanelBot } from "../create-bot.js";
import { LOCALES } from "../i18n.js";
import { pruneProcessedUpdates } from "../middleware/dedupe-updates.js";
import { adminCommandsFor, commandsFor } from "./commands.js";

export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

const PRUNE_EVERY_MS = 6 * 3600_000;

export interface BotHandle {
  mode: "polling" | "webhook";
  stop(): Promise<void>;
}

/**
 * Starts Telegram: a webhook when WEBHOOK_URL is set (the HTTP route does the rest), long polling
 * otherwise. Pending updates are never dropped: orders sent while the bot was down are handled
 * when it is back. Cosmetic calls (command lists) that fail are logged and do not stop the start.
 */
export async function startBot(deps: Deps, bot: PanelBot): Promise<BotHandle> {
  const { config, logger } = deps;
  await bot.init();
  const prune = () => pruneProcessedUpdates(deps.db, deps.now()).catch((err) => logger.warn({ err }, "Could not prune processed update ids"));
  await prune();
  const pruner = setInterval(prune, PRUNE_EVERY_MS);
  pruner.unref();
  await registerCommands(deps, bot);

  if (config.WEBHOOK_URL) {
    await bot.api.setWebhook(config.WEBHOOK_URL, {
      secret_token: config.WEBHOOK_SECRET,
      allowed_updates: [...ALLOWED_UPDATES],
      drop_pending_updates: false,
    });
    logger.info({ url: config.WEBHOOK_URL, bot: bot.botInfo.username }, "Telegram webhook set");
    return { mode: "webhook", stop: async () => clearInterval(pruner) };
  }

  // getUpdates refuses to run while a webhook is set; removing it keeps every pending update.
  await bot.api.deleteWebhook({ drop_pending_updates: false });
  const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  logger.info({ bot: bot.botInfo.username }, "Telegram long polling started");
  return {
    mode: "polling",
    async stop() {
      clearInterval(pruner);
      if (runner.isRunning()) await runner.stop();
    },
  };
}

export async function stopBot(handle: BotHandle | undefined): Promise<void> {
  await handle?.stop();
}

async function registerCommands(deps: Deps, bot: PanelBot): Promise<void> {
  const warn = (err: unknown) => deps.logger.warn({ err }, "setMyCommands failed; continuing");
  for (const locale of LOCALES) {
    const commands = commandsFor(bot.i18n.translator(locale));
    // The default list is Bengali; English clients get the English one.
    const options = locale === "bn" ? {} : { language_code: locale };
    await bot.api.setMyCommands(commands, options).catch(warn);
  }
  for (const adminId of deps.config.ADMIN_IDS) {
    const user = await deps.db.user.findUnique({ where: { telegramId: adminId }, select: { language: true } });
    const t = bot.i18n.translator(user?.language ?? "bn");
    await bot.api.setMyCommands(adminCommandsFor(t), { scope: { type: "chat", chat_id: Number(adminId) } }).catch(warn);
  }
}
