// Inputs for the fuzz tests: any text at all, and text built from the tokens that trip parsers
// (Bengali and Arabic-Indic digits, signs, exponents, separators, control and invisible characters,
// huge numbers, URL pieces, order-id and mass-order syntax).
import fc from "fast-check";

const TOKENS = [
  "0", "1", "9", "00", "1000", "১০০০", "০", "৫", "٣", "１", "-", "+", ".", ",", " ", "  ", "\t", "\n", "\r\n", "\u0000", "\u0007", "\u007f",
  "\u200b", "\ufeff", "\u202e", "e", "E", "1e9", "NaN", "Infinity", "0x1F", "99999999999999999999", "9007199254740993", "-1",
  "https://", "http://", "instagram.com/", "x.com", "@", ":", "/", "?", "#", "%00", "|", "||", ".5", ".", "#12", "১২", "bkash", "TRX", "8N7A6D5C4B",
  "ক", "ভাই", "😀", "👨‍👩‍👧", "'", '"', "\\", "<b>", "{", "}", "[", "]",
];

export const trickyText = fc.oneof(
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

/** fast-check settings: a fixed seed, so a failure replays the same way everywhere. */
export function fuzzParams(numRuns: number): fc.Parameters<unknown> {
  return { numRuns, seed: 18_2026, endOnFailure: true };
}

export { fc };
