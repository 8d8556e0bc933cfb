import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Fluent, type TranslationContext } from "@moebius/fluent";
import type { Language } from "@prisma/client";
import { localDigits } from "./format.js";

export const LOCALES: readonly Language[] = ["bn", "en"];
export const DEFAULT_LOCALE: Language = "bn";

export type Translate = (key: string, args?: TranslationContext) => string;

export interface I18n {
  t(locale: Language, key: string, args?: TranslationContext): string;
  translator(locale: Language): Translate;
  /** Every message id of a locale, to check that both languages have every key. */
  keys(locale: Language): string[];
  has(locale: Language, key: string): boolean;
  /** Keys asked for but missing (recorded, never thrown: a missing text must not stop an order). */
  readonly missing: Set<string>;
}

const LOCALES_DIR = fileURLToPath(new URL("../../locales/", import.meta.url));

export function localeSource(locale: Language): string {
  return readFileSync(`${LOCALES_DIR}${locale}.ftl`, "utf8");
}

export async function loadI18n(onMissing?: (key: string, locale: string) => void): Promise<I18n> {
  const missing = new Set<string>();
  const fluent = new Fluent({
    warningHandler: {
      handleWarning(w) {
        const key = `${w.locales.join(",")}:${w.path}`;
        missing.add(key);
        onMissing?.(w.path, w.locales.join(","));
      },
    },
  });
  for (const locale of LOCALES) {
    // Unicode isolation marks around placeables show up as junk in some Telegram clients.
    await fluent.addTranslation({ locales: locale, source: localeSource(locale), bundleOptions: { useIsolating: false }, isDefault: locale === DEFAULT_LOCALE });
  }
  rememberBundleMatches(fluent);
  const keySets = new Map(LOCALES.map((l) => [l, new Set([...localeSource(l).matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1]!))]));
  const translate = (locale: Language, key: string, args?: TranslationContext) => fluent.translate(locale, key, args && localArgs(locale, args));
  return {
    t: translate,
    translator: (locale) => (key, args) => translate(locale, key, args),
    keys: (locale) => [...(keySets.get(locale) ?? [])],
    has: (locale, key) => keySets.get(locale)?.has(key) ?? false,
    missing,
  };
}

/**
 * @moebius/fluent negotiates the language (Intl locale parsing) on every translate call, a few
 * percent of the bot's CPU; the answer only depends on the locale asked for once the bundles are
 * loaded, so it is worked out once per locale.
 */
function rememberBundleMatches(fluent: Fluent): void {
  const inner = fluent as unknown as { matchBundles(locales: string[]): Set<unknown> };
  const match = inner.matchBundles.bind(fluent);
  const matched = new Map<string, Set<unknown>>();
  inner.matchBundles = (locales) => {
    const key = locales.join("\n");
    let bundles = matched.get(key);
    if (!bundles) matched.set(key, (bundles = match(locales)));
    return bundles;
  };
}

// Placeables that hold numbers (ids, amounts, counts, dates): shown in the language's digits.
// Everything else (TrxIDs, links, names, a customer's own words) is shown as it is.
const NUMERIC_ARGS = new Set([
  "id", "ids", "orders", "amount", "balance", "price", "charge", "refund", "quantity", "min", "max", "count", "page", "pages",
  "total", "seconds", "start", "delivered", "remains", "refill", "rate", "limit", "threshold", "date", "line", "size", "serviceId", "order",
  "hours", "days",
]);

function localArgs(locale: Language, args: TranslationContext): TranslationContext {
  const out: TranslationContext = {};
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === "number" || typeof value === "bigint") out[name] = localDigits(locale, String(value));
    else if (typeof value === "string" && NUMERIC_ARGS.has(name)) out[name] = localDigits(locale, value);
    else out[name] = value;
  }
  return out;
}

/** A new user's language from their Telegram client ("en-GB" → en), when it is one we speak. */
export function clientLocale(languageCode: string | undefined): Language | undefined {
  const base = languageCode?.toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l === base);
}

export function asLocale(value: string | undefined | null): Language {
  return value === "en" ? "en" : "bn";
}
