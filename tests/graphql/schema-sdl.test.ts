import { readFileSync } from "node:fs";
import type { GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { getSchema, printedSchema } from "../../schema/schema.js";

function fieldsWithoutAuthRule(type: GraphQLObjectType | null | undefined): string[] {
  return Object.values(type?.getFields() ?? {})
    .filter((f) => {
      const scopes = (f.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes;
      return !scopes || (typeof scopes === "object" && Object.keys(scopes).length === 0);
    })
    .map((f) => f.name);
}

describe("the printed schema", () => {
  it("matches schema/schema.graphql (run `npx tsx schema/print-schema.ts` after changing the schema)", () => {
    const committed = readFileSync(new URL("../../schema/schema.graphql", import.meta.url), "utf8");
    expect(committed === printedSchema(), "schema/schema.graphql is stale: run `npx tsx schema/print-schema.ts`").toBe(true);
  });

  it("gives every mutation and every root query an auth rule", () => {
    const schema = getSchema();
    expect(fieldsWithoutAuthRule(schema.getMutationType())).toEqual([]);
    expect(fieldsWithoutAuthRule(schema.getQueryType())).toEqual([]);
    expect(Object.keys(schema.getMutationType()!.getFields()).length).toBeGreaterThan(30);
  });

  it("never exposes secrets: no provider key or API key hash field", () => {
    const sdl = printedSchema();
    expect(sdl).not.toMatch(/apiKeyEncrypted|\bhash\b|apiKeyLast4/);
    expect(getSchema().getQueryType()!.getFields()).not.toHaveProperty("node");
  });
});
