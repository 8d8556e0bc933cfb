import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Fluent, type TranslationContext } from "@moebius/fluent";
import type { Language } from "@prisma/client";

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
  const keySets = new Map(LOCALES.map((l) => [l, new Set([...localeSource(l).matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1]!))]));
  return {
    t: (locale, key, args) => fluent.translate(locale, key, args),
    translator: (locale) => (key, args) => fluent.translate(locale, key, args),
    keys: (locale) => [...(keySets.get(locale) ?? [])],
    has: (locale, key) => keySets.get(locale)?.has(key) ?? false,
    missing,
  };
}

export function asLocale(value: string | undefined | null): Language {
  return value === "en" ? "en" : "bn";
}
