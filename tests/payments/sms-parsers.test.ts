import { describe, expect, it } from "vitest";
import { parseSms } from "../../src/payments/sms/parse-sms.js";
import { CREDITING, NOT_CREDITING } from "../support/payment-sms-corpus.js";

describe("payment SMS parsers (corpus)", () => {
  it("has at least 40 samples, 12+ of them not crediting, every service in English and Bengali", () => {
    expect(CREDITING.length + NOT_CREDITING.length).toBeGreaterThanOrEqual(40);
    expect(NOT_CREDITING.length).toBeGreaterThanOrEqual(12);
    const bengali = (t: string) => /[\u0980-\u09FF]{3}/.test(t.replace(/[০-৯]/g, ""));
    const cover = new Set(CREDITING.map((s) => `${s.expect.method}:${bengali(s.text) ? "bn" : "en"}`));
    expect([...cover].sort()).toEqual(["BKASH:bn", "BKASH:en", "NAGAD:bn", "NAGAD:en", "ROCKET:bn", "ROCKET:en", "UPAY:bn", "UPAY:en"]);
  });

  it.each(CREDITING.map((s) => [s.source, s] as const))("reads money in exactly: %s", (_source, sample) => {
    expect(parseSms(sample.sender, sample.text)).toEqual({ incoming: true, payment: sample.expect });
  });

  it.each(NOT_CREDITING.map((s) => [s.source, s] as const))("never reads money in: %s", (_source, sample) => {
    const parsed = parseSms(sample.sender, sample.text);
    expect(parsed).toMatchObject({ incoming: false, reason: sample.reason });
  });
});
