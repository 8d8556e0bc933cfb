import { DomainError, BatchValidationError } from "../shared/errors.js";
import type { I18n } from "./i18n.js";
import type { Language } from "@prisma/client";
import { money } from "./format.js";

/** Domain error → text in the user's language; unknown codes get a generic line, never a stack. */
export function errorText(i18n: I18n, locale: Language, error: unknown, currency: string): string {
  const t = i18n.translator(locale);
  if (error instanceof BatchValidationError) {
    const lines = error.lines.map((l) => t("mass-line-error", { line: String(l.line), error: errorText(i18n, locale, l.error, currency) }));
    return [t("mass-errors"), ...lines].join("\n");
  }
  if (!(error instanceof DomainError)) return t("err-unexpected");
  const key = `err-${error.code.replaceAll("_", "-")}`;
  if (!i18n.has(locale, key)) return t("err-generic");
  try {
    return t(key, { ...stringArgs(error.details), ...moneyArgs(error, locale, currency) });
  } catch {
    // A text that needs a detail this error lacks: a generic line beats no answer.
    return t("err-generic");
  }
}

// Details that are amounts of money: shown with the currency sign, like every other amount.
const MONEY_DETAILS: Record<string, string[]> = {
  insufficient_balance: ["balance", "required"],
  amount_invalid: ["min", "max"],
  amount_out_of_range: ["min", "max"],
  price_changed: ["price", "charge", "shown"],
};

function moneyArgs(error: DomainError, locale: Language, currency: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of MONEY_DETAILS[error.code] ?? []) {
    const value = error.details[name];
    if (typeof value === "string" || typeof value === "number") out[name] = money(locale, value, currency);
  }
  return out;
}

function stringArgs(details: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(details)) if (v !== null && v !== undefined && typeof v !== "object") out[k] = String(v);
  return out;
}


/** Runs a check: null when it passes, the refusal in the user's language when it throws a domain error. */
export async function refusal(i18n: I18n, locale: Language, currency: string, check: () => Promise<unknown>): Promise<string | null> {
  try {
    await check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return errorText(i18n, locale, error, currency);
    throw error;
  }
}
