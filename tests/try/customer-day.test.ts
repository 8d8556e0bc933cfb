import { describe, expect, it } from "vitest";
import { loadI18n } from "../../src/bot/i18n.js";
import { createLogger } from "../../src/logger.js";
import { createSecretBox } from "../../src/shared/secret-box.js";
import { customerDay } from "../../src/try/customer-day.js";
import { TEST_SECRET } from "../support/deps.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(5);

describe("the customer-day transcript (docs/transcripts)", () => {
  for (const locale of ["bn", "en"] as const) {
    it(`${locale}: the real bot takes one customer from /start through top-up, order, ticket and refill`, { timeout: 120_000 }, async () => {
      const i18n = await loadI18n();
      const transcript = await customerDay({ db, box: createSecretBox(TEST_SECRET), logger: createLogger("silent") }, locale);
      const user = await db.user.findFirstOrThrow({ where: { firstName: "Rahim" }, orderBy: { id: "desc" }, include: { account: true, orders: true, topUps: true, tickets: true } });
      expect(user.language).toBe(locale);
      expect(user.topUps.map((t) => [t.status, t.amount.toString(), t.senderNumber])).toEqual([["APPROVED", "500", "01712345678"]]);
      expect(user.orders.map((o) => [o.status, o.quantity])).toEqual([["COMPLETED", 1000]]);
      expect(await db.refill.count({ where: { orderId: user.orders[0]!.id } })).toBe(1);
      expect(user.account!.balance.toString()).toBe("362.75");
      // Each step is in the transcript, in the customer's language.
      for (const key of ["topup-choose-method", "btn-confirm", "ticket-auto-label", "ledger-title"]) expect(transcript).toContain(i18n.t(locale, key));
      expect(transcript).toContain(locale === "bn" ? "৳৩৬২.৭৫" : "৳362.75");
    });
  }
});
