// Configuration is read once from the environment and validated here; nothing else reads process.env.
import { z } from "zod";
import { isTimeZone } from "./shared/shop-time.js";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const decimalString = z.string().regex(/^\d+(\.\d+)?$/, "must be a positive decimal number like 122.50");

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), "must be a postgresql:// URL");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: int(0, 65535).default("3000"),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  JOBS_DATABASE_URL: z
    .string()
    .refine((v) => /^(mongodb(\+srv)?|postgres(ql)?):\/\//.test(v), "must be a mongodb:// or postgresql:// URL")
    .optional(),
  /// 32+ characters; encrypts provider API keys at rest and signs admin login links.
  SECRET_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{30,}$/, "must look like 123456:ABC… (from @BotFather)")
    .optional(),
  TELEGRAM_API_ROOT: z.string().url("must be a URL").default("https://api.telegram.org"),
  WEBHOOK_URL: z.string().url("must be a URL").optional(),
  WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 of A-Z a-z 0-9 _ -").optional(),
  ADMIN_IDS: z
    .string()
    .regex(/^\s*(\d+\s*(,\s*\d+\s*)*)?$/, "must be numeric Telegram user ids separated by commas")
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean).map((s) => BigInt(s))),
  ADMIN_CHAT_ID: z.string().regex(/^-?\d+$/, "must be a numeric chat id").transform(BigInt).optional(),
  /// The language of the admin chat (announcements, buttons); each admin's own alerts follow their language.
  ADMIN_LANGUAGE: z.enum(["bn", "en"], { message: 'must be "bn" or "en"' }).default("bn"),
  PUBLIC_URL: z.string().url("must be a URL").optional(),
  SHOP_CURRENCY: z.string().regex(/^[A-Z]{3}$/, "must be a 3-letter currency code").default("BDT"),
  /// Shop-currency units per one unit of each provider currency, e.g. "USD:122,EUR:130".
  FX_RATES: z
    .string()
    .regex(/^([A-Z]{3}:\d+(\.\d+)?)(,[A-Z]{3}:\d+(\.\d+)?)*$/, 'must look like "USD:122,EUR:130"')
    .default("USD:122"),
  BKASH_NUMBER: z.string().default("01700000000"),
  NAGAD_NUMBER: z.string().default("01800000000"),
  ROCKET_NUMBER: z.string().default("01900000000"),
  /// Shop-currency units one Telegram Star buys (e.g. "1.5"); unset: no Stars top-up.
  STARS_RATE: decimalString.refine((v) => Number(v) > 0, "must be more than 0").optional(),
  /// Per-method bonus (+) or fee (−) in percent on top-ups, e.g. "BKASH:2,NAGAD:-1.5,STARS:-5"; unnamed methods: 0.
  TOPUP_ADJUST_PERCENT: z
    .string()
    .regex(/^((BKASH|NAGAD|ROCKET|UPAY|STARS):[+-]?\d{1,2}(\.\d{1,2})?)(,(BKASH|NAGAD|ROCKET|UPAY|STARS):[+-]?\d{1,2}(\.\d{1,2})?)*$/, 'must look like "BKASH:2,NAGAD:-1.5" (percent, -50 to 50)')
    .refine((v) => v.split(",").every((p) => Math.abs(Number(p.split(":")[1])) <= 50), "each percent must be between -50 and 50")
    .optional(),
  TOPUP_MIN: decimalString.default("50"),
  TOPUP_MAX: decimalString.default("100000"),
  PROVIDER_TIMEOUT_MS: int(100, 300_000).default("30000"),
  /// Delays in seconds between retries of an `add` that never left this machine.
  FORWARD_RETRY_DELAYS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be seconds separated by commas, e.g. "5,10,20"')
    .default("5,10,20")
    .transform((v) => v.split(",").map(Number)),
  SUBMIT_LEASE_SECONDS: int(5, 3600).default("120"),
  PROVIDER_BALANCE_CACHE_SECONDS: int(0, 3600).default("60"),
  AUTO_RESUBMIT_ON_BALANCE: bool.default("false"),
  SYNC_INTERVAL_MINUTES: int(1, 1440).default("15"),
  SYNC_PACE_MS: int(0, 60_000).default("2000"),
  STUCK_CHECK_INTERVAL_MINUTES: int(1, 1440).default("1"),
  BALANCE_CHECK_INTERVAL_MINUTES: int(1, 1440).default("5"),
  STUCK_PENDING_MINUTES: int(1, 10_000).default("30"),
  STUCK_MANUAL_MINUTES: int(1, 10_000).default("5"),
  STUCK_NO_PROGRESS_MINUTES: int(1, 100_000).default("720"),
  STUCK_DELIVERY_MINUTES: int(1, 10_000).default("5"),
  /// The shop's time zone (IANA name): report days and times shown to people follow it.
  SHOP_TIME_ZONE: z.string().refine(isTimeZone, "must be an IANA time zone like Asia/Dhaka").default("Asia/Dhaka"),
  /// Refill policy: days from completion a refill may be asked (per-service figures win), refills per order, hours between asks.
  REFILL_WINDOW_DAYS: int(1, 3650).default("30"),
  REFILL_MAX_PER_ORDER: int(1, 100).default("3"),
  REFILL_COOLDOWN_HOURS: int(0, 720).default("24"),
  PROVIDER_SIMULATOR: bool.optional(),
  /// Broadcast messages per second, all senders together (Telegram allows about 30 for bulk messages).
  BROADCAST_RATE_PER_SECOND: int(1, 30).default("25"),
  /// How long a broadcast sender holds the recipients it took; a dead sender's untried ones go back after this.
  BROADCAST_CLAIM_SECONDS: int(5, 3600).default("60"),
  /// How often the built-in provider simulator moves its orders on (Pending → In progress → Completed).
  SIMULATOR_ADVANCE_SECONDS: int(1, 3600).default("15"),
  /// Status sync period while the built-in provider simulator runs (instead of SYNC_INTERVAL_MINUTES).
  SIMULATOR_SYNC_SECONDS: int(1, 3600).default("10"),
  /// The /try chat page (simulated customers talking to the real bot); default: on for the embedded database.
  TRY_PAGE: bool.optional(),
});

export type Config = Readonly<
  Omit<z.infer<typeof schema>, "FX_RATES" | "TOPUP_ADJUST_PERCENT"> & {
    FX_RATES: ReadonlyMap<string, string>;
    /** Method → percent ("2", "-1.5"); methods not named get none. */
    TOPUP_ADJUST_PERCENT: ReadonlyMap<string, string>;
    embedded: boolean;
  }
>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as in most .env files.
  const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example and the README's configuration table.`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === "production" && !c.SECRET_KEY) {
    throw new ConfigError("Invalid configuration:\n  SECRET_KEY: required in production (32+ random characters)");
  }
  if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET) {
    throw new ConfigError("Invalid configuration:\n  WEBHOOK_SECRET: required when WEBHOOK_URL is set");
  }
  if (c.SUBMIT_LEASE_SECONDS * 1000 <= c.PROVIDER_TIMEOUT_MS) {
    throw new ConfigError("Invalid configuration:\n  SUBMIT_LEASE_SECONDS: must be longer than PROVIDER_TIMEOUT_MS, or calls in flight would be taken for lost");
  }
  const fx = new Map(c.FX_RATES.split(",").map((p) => p.split(":") as [string, string]));
  fx.set(c.SHOP_CURRENCY, "1");
  const adjust = new Map((c.TOPUP_ADJUST_PERCENT ?? "").split(",").filter(Boolean).map((p) => p.split(":") as [string, string]));
  return Object.freeze({ ...c, FX_RATES: fx, TOPUP_ADJUST_PERCENT: adjust, embedded: !c.DATABASE_URL });
}
