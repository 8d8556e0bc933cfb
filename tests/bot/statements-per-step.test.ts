// A catalogue or conversation step costs at most 3 SQL statements: the update's first statement
// (update-id insert + user + session rows + catalogue version), a read the step really needs (the
// balance on the summary), and one session write when the step changed the session. The catalogue
// is cached per process and dropped, on every instance, by any catalogue change.
import { afterAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { SYSTEM } from "../../src/audit/actor.js";
import { updateCategory, updateService } from "../../src/catalogue/manage-catalogue.js";
import { buildProvider, buildService, buildUser } from "../support/factories.js";
import { buildTestBot, buttonData, callbackUpdate, textUpdate, tgUser, type TestBot } from "../support/bot-factories.js";
import { countStatements } from "../support/statement-counter.js";
import { testDeps } from "../support/deps.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const { prisma: otherDb } = await useTestDb(5);
const counter = countStatements();
afterAll(() => counter.stop());

type Step = [name: string, update: () => Update];

const catalogueVersion = async () => (await db.catalogueVersion.findUniqueOrThrow({ where: { id: 1 } })).version;

/**
 * Test files running beside this one change catalogues in the same database, which rightly drops
 * the cache: `attempt` is retried (at most 5 times) until it ran with the catalogue version unchanged.
 */
async function withSteadyCatalogue<T>(attempt: () => Promise<T>): Promise<T> {
  const seen: string[] = [];
  for (let i = 0; i < 5; i++) {
    const before = await catalogueVersion();
    const result = await attempt();
    const after = await catalogueVersion();
    if (before === after) return result;
    seen.push(`${before}→${after}`);
  }
  throw new Error(`the catalogue changed during every attempt (versions ${seen.join(", ")})`);
}

/** Runs each step and returns the statements each one sent. */
async function measure(test: TestBot, steps: Step[]): Promise<Map<string, string[]>> {
  const seen = new Map<string, string[]>();
  for (const [name, update] of steps) {
    counter.reset();
    await test.bot.handleUpdate(update());
    seen.set(name, [...counter.statements]);
  }
  expect(test.errors, "no handler failed").toEqual([]);
  return seen;
}

function orderSteps(test: TestBot, from: ReturnType<typeof tgUser>, service: { id: number; categoryId: number }): Step[] {
  return [
    ["/start", () => textUpdate(from, "/start")],
    ["menu: services", () => textUpdate(from, "🛒 সার্ভিস")],
    ["category", () => callbackUpdate(from, `cat:${service.categoryId}:0`)],
    ["service", () => callbackUpdate(from, `svc:${service.id}`)],
    ["Order", () => callbackUpdate(from, buttonData(test.telegram, from.id, /^ord:/))],
    ["link", () => textUpdate(from, `https://instagram.com/steps_${from.id}`)],
    ["quantity → summary", () => textUpdate(from, "1000")],
  ];
}

describe("SQL statements per bot step", () => {
  it("every catalogue and order-conversation step sends at most 3 statements once the catalogue is cached", async () => {
    const test = await buildTestBot(db);
    const service = await buildService(db, { price: "100", min: 100, max: 5000, platform: "instagram" });
    const { from, seen } = await withSteadyCatalogue(async () => {
      const warm = tgUser(await buildUser(db, { balance: "500" }));
      await measure(test, orderSteps(test, warm, service)); // fills the catalogue cache
      const from = tgUser(await buildUser(db, { balance: "500" }));
      return { from, seen: await measure(test, orderSteps(test, from, service)) };
    });
    const counts = Object.fromEntries([...seen].map(([name, s]) => [name, s.length]));
    for (const [name, statements] of seen) expect(statements.length, `${name}: ${statements.length} statements ${JSON.stringify(counts)}\n${statements.join("\n")}`).toBeLessThanOrEqual(3);
    // A step that changes no session state writes nothing: the first statement is all it costs.
    expect(seen.get("category"), "the category page re-read something or wrote an unchanged session").toHaveLength(1);
    expect(test.telegram.texts(from.id).at(-1), "the summary was shown").toContain("৳১০০.০০");
  });

  it("a catalogue change made elsewhere (another instance's use-case) is shown on the next update by both instances", async () => {
    const a = await buildTestBot(db);
    const b = await buildTestBot(otherDb);
    const provider = await buildProvider(db);
    const service = await buildService(db, { price: "100", min: 100, max: 5000, platform: "instagram", nameBn: "পুরনো নাম", providerId: provider.id, providerServiceId: "1" });
    const from = tgUser(await buildUser(db, { balance: "500" }));
    const page = async (test: TestBot) => {
      await test.bot.handleUpdate(callbackUpdate(from, `cat:${service.categoryId}:0`));
      // The service names are on the page's buttons.
      return JSON.stringify(test.telegram.callsTo("editMessageText", from.id).at(-1)?.payload.reply_markup ?? null);
    };
    expect(await page(a)).toContain("পুরনো নাম");
    expect(await page(b)).toContain("পুরনো নাম");
    const again = await withSteadyCatalogue(async () => {
      await page(a); // after a concurrent catalogue change, this visit fills the cache again
      counter.reset();
      return { text: await page(a), statements: [...counter.statements] };
    });
    expect(again.text).toContain("পুরনো নাম");
    expect(again.statements, "the second visit of the page was not served from the cache").toHaveLength(1);

    await updateService(testDeps(otherDb), { id: service.id, nameBn: "নতুন নাম", actor: SYSTEM });
    expect(await page(a), "instance a still showed the old name after the change").toContain("নতুন নাম");
    expect(await page(b), "instance b still showed the old name after the change").toContain("নতুন নাম");

    await updateCategory(testDeps(otherDb), { id: service.categoryId, active: false, actor: SYSTEM });
    const after = await page(a);
    expect(after, "a deactivated category's page was still shown").not.toContain("নতুন নাম");
    expect(after, "a deactivated category was still listed").not.toContain(`cat:${service.categoryId}:`);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
