// Numbers as people type them and as they read them: Bengali (০-৯) or Latin digits, with or
// without thousands separators ("1,000", "১,০০০", Indian "1,00,000"). Every place that reads a
// number a person typed (quantity, amount, order ids, `.N`) goes through here. No grammY here.

const BENGALI_ZERO = 0x09e6;
const BENGALI_DIGIT = /[\u09e6-\u09ef]/g;
const LATIN_DIGIT = /[0-9]/g;

/** "১২৩" → "123"; other characters are kept. */
export function toLatinDigits(text: string): string {
  return text.replace(BENGALI_DIGIT, (d) => String(d.charCodeAt(0) - BENGALI_ZERO));
}

/** "123" → "১২৩"; other characters are kept. */
export function toBengaliDigits(text: string): string {
  return text.replace(LATIN_DIGIT, (d) => String.fromCharCode(BENGALI_ZERO + Number(d)));
}

// Western (1,000,000) or Indian/Bangladeshi (10,00,000) grouping; a lone comma like "1,5" is not
// grouping (it may be a decimal comma) and is refused rather than guessed.
const GROUPED = /^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,2}(?:,[0-9]{2})*,[0-9]{3})$/;

/** The digits of a typed whole number, separators removed, or null when it is not one. */
function integerDigits(text: string): string | null {
  const t = toLatinDigits(text).replace(/[\u066c\u2009\u202f]/g, ",");
  if (/^[0-9]+$/.test(t)) return t;
  if (GROUPED.test(t)) return t.replaceAll(",", "");
  return null;
}

/** A whole number as typed ("১০০", "1,000"; callers trim what a person typed): its value, or null when the text is not one. */
export function parseWholeNumber(text: string): number | null {
  const digits = integerDigits(text);
  if (digits === null || digits.length > 15) return null;
  return Number(digits);
}

/**
 * A decimal number as typed, as a plain ASCII string for Decimal ("১,০০০.৫" → "1000.5"), with at
 * most `maxDecimals` fraction digits; null when the text is not one.
 */
export function parseDecimalText(text: string, maxDecimals: number): string | null {
  const t = toLatinDigits(text);
  const dot = t.indexOf(".");
  const whole = integerDigits(dot < 0 ? t : t.slice(0, dot));
  if (whole === null || whole.length > 15) return null;
  if (dot < 0) return whole;
  const fraction = t.slice(dot + 1);
  if (!new RegExp(`^[0-9]{1,${maxDecimals}}$`).test(fraction)) return null;
  return `${whole}.${fraction}`;
}

/** Every number in a free text ("#১২৩, 124"), in order, without repeats. */
export function numbersIn(text: string): number[] {
  const found = (toLatinDigits(text).match(/[0-9]+/g) ?? []).map(Number);
  return [...new Set(found)];
}
