import { describe, expect, it } from "vitest";
import { anonymous, buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();
const { gql } = graphqlFor(db);

describe("smoke", () => {
  it("admin reads orders, anonymous is refused", async () => {
    const admin = await buildCaller(db, "ADMIN", "admin");
    const ok = await gql(admin, "{ orders(first: 2) { totalCount edges { node { id status user { id } service { id } } } } }");
    console.log(JSON.stringify(ok));
    expect(ok.body.errors).toBeUndefined();
    const denied = await gql(anonymous, "{ orders(first: 2) { totalCount } }");
    console.log(JSON.stringify(denied));
  });
});
