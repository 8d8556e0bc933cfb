const BENGALI_DIGITS = "০১২৩৪৫৬৭৮৯";

/** Bengali digits → ASCII, non-breaking/odd spaces → one space, Bengali full stop kept. */
export function normaliseSmsText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[০-৯]/g, (d) => String(BENGALI_DIGITS.indexOf(d)))
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]/g, " ")
    .replace(/\r\n?/g, "\n")
    .trim();
}

/** "5,075.00" / "1,00,000" / "99" / ".50" → "5075.00"; null when not a positive amount. */
export function plainAmount(printed: string): string | null {
  const s = printed.replace(/,/g, "");
  if (!/^(\d{1,12}(\.\d{1,2})?|\.\d{1,2})$/.test(s)) return null;
  const value = s.startsWith(".") ? `0${s}` : s;
  return Number(value) > 0 ? value : null;
}

/** A currency marker before an amount: Tk, Tk., TK, BDT, ৳, টাকা is written after. */
export const CUR = String.raw`(?:Tk\.?|BDT|৳)\s*`;
/** An amount as printed: 1,000.00 / 500 / 20,172.00. */
export const AMT = String.raw`(\d[\d,]*(?:\.\d{1,2})?)`;
