// Every text the bot and the APIs parse, fuzzed: a parser either returns a valid value or throws a
// typed ValidationError naming the field; it never throws anything else (a crash) and never returns
// something outside its contract.
import { describe, expect, it } from "vitest";
import { parseQuantity, validateLink, validateUid } from "../../src/orders/validate-input.js";
import { validateExtra } from "../../src/orders/validate-extra.js";
import { serviceKind } from "../../src/catalogue/service-kinds.js";
import { parseAmount } from "../../src/topups/parse-amount.js";
import { normaliseTrxId } from "../../src/topups/request-topup.js";
import { parseOrderIds } from "../../src/tickets/open-ticket.js";
import { assertCleanInput, parseTelegramId } from "../../src/shared/input-hygiene.js";
import { ValidationError } from "../../src/shared/errors.js";
import { toLatinDigits } from "../../src/shared/numbers.js";
import { fc, fuzzParams, trickyText } from "../support/fuzz.js";

/** Runs `parse`; a refusal must be a ValidationError for `field`. Answers the value or null. */
function refusedOr<T>(field: string, parse: () => T): T | null {
  try {
    return parse();
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    return null;
  }
}

describe("fuzzed parsers", () => {
  it("quantity: a safe integer within [min, max], or a ValidationError", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const q = refusedOr("quantity", () => parseQuantity(text, 10, 10_000));
        // Bengali or Latin digits, with thousands separators: the value must be the number the text spells.
        const spelled = toLatinDigits(text).replace(/[,\u066c\u2009\u202f]/g, "");
        if (q !== null) expect(Number.isSafeInteger(q) && q >= 10 && q <= 10_000 && /^[0-9]+$/.test(spelled) && Number(spelled) === q, text).toBe(true);
      }),
      fuzzParams(3000),
    );
  });

  it("link: an http(s) URL on the platform without spaces or controls, or a ValidationError", () => {
    fc.assert(
      fc.property(fc.oneof(trickyText, fc.webUrl()), fc.constantFrom("instagram", "any", "youtube"), (text, platform) => {
        const link = refusedOr("link", () => validateLink(text, platform));
        if (link !== null) {
          expect(/^https?:\/\//.test(link) && !/[\s\u0000-\u001f\u007f]/.test(link)).toBe(true);
          if (platform === "instagram") expect(new URL(link).hostname).toMatch(/(^|\.)instagram\.com$/);
        }
        const uid = refusedOr("link", () => validateUid(text));
        if (uid !== null) expect(uid).toMatch(/^[0-9]{5,20}$/);
      }),
      fuzzParams(3000),
    );
  });

  it("amount: at most 2 decimals within [min, max], or a ValidationError", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const amount = refusedOr("amount", () => parseAmount(text, "50", "25000"));
        if (amount !== null) expect(amount.gte(50) && amount.lte(25000) && amount.decimalPlaces() <= 2).toBe(true);
      }),
      fuzzParams(3000),
    );
  });

  it("TrxID: 6-20 upper-case letters and digits, or a ValidationError", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const trx = refusedOr("trxId", () => normaliseTrxId(text));
        if (trx !== null) expect(trx).toMatch(/^[A-Z0-9]{6,20}$/);
      }),
      fuzzParams(3000),
    );
  });

  it("ticket order ids: distinct positive 32-bit integers, never a throw", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const ids = parseOrderIds(text);
        expect(ids.every((n) => Number.isSafeInteger(n) && n > 0 && n < 2 ** 31)).toBe(true);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      fuzzParams(3000),
    );
  });

  it("Telegram ids and control characters: a bigint in range, or a ValidationError naming the field", () => {
    fc.assert(
      fc.property(trickyText, fc.jsonValue(), (text, json) => {
        const id = refusedOr("chatId", () => parseTelegramId("chatId", text));
        if (id !== null) expect(id <= BigInt(Number.MAX_SAFE_INTEGER) && id >= -BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
        try {
          assertCleanInput({ text, json }, "input");
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).field.startsWith("input.")).toBe(true);
        }
      }),
      fuzzParams(2000),
    );
  });

  it("order extras (comments, usernames, runs, interval) for every service type: a JSON object, or a ValidationError", () => {
    const extra = fc.record(
      { comments: trickyText, usernames: trickyText, runs: fc.oneof(fc.integer(), fc.double(), trickyText), interval: fc.oneof(fc.integer(), trickyText), answer_number: trickyText, hashtag: trickyText, username: trickyText },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.constantFrom("Default", "Custom Comments", "Mentions with custom list", "Poll", "Package", "Subscriptions", "Comment Likes"), fc.boolean(), extra, (type, drip, value) => {
        try {
          const out = validateExtra(serviceKind(type), drip, value as never);
          expect(out === undefined || typeof out === "object").toBe(true);
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(ValidationError);
        }
      }),
      fuzzParams(2000),
    );
  });
});
