// The Pothos builder. No types are defined here: each file under schema/types holds one type with
// its queries and mutations.
import type { Prisma } from "@prisma/client";
import { GraphQLError, PothosPlugins, SchemaBuilder } from "./graphql-runtime.js";
import { scopesFor, type GraphQLContext } from "./context.js";
import type PrismaTypes from "./generated/pothos-prisma-types.js";
import JoinedRelationsPlugin from "./joined-relations.js";
import { getDatamodel } from "./generated/pothos-prisma-types.js";

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  AuthScopes: { admin: boolean; reseller: boolean; customer: boolean; authenticated: boolean };
  Scalars: {
    Decimal: { Input: string; Output: Prisma.Decimal | string };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  Connection: { totalCount?: number | (() => Promise<number>) };
}>({
  // scope-auth first, so no other plugin's wrapper runs before authorization; joined relations
  // before prisma, whose per-row plan lookup they skip.
  plugins: [PothosPlugins.scopeAuth, PothosPlugins.errors, JoinedRelationsPlugin, PothosPlugins.prisma, PothosPlugins.relay, PothosPlugins.validation],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authScopes: (ctx) => scopesFor(ctx.viewer),
    unauthorizedError: () => new GraphQLError("Not authorized", { extensions: { code: "FORBIDDEN" } }),
  },
  errors: { defaultTypes: [] },
  prisma: {
    client: (ctx) => ctx.deps.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
    maxConnectionSize: 100,
    defaultConnectionSize: 25,
  },
  relay: {
    clientMutationId: "omit",
    nodesOnConnection: true,
    cursorType: "String",
    // Global node lookups would bypass the per-field rules: every object is reached through a rule-guarded root field.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  validation: {
    validationError: (result) =>
      new GraphQLError(result.issues.map((i) => `${(i.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".") || "input"}: ${i.message}`).join("; "), {
        extensions: { code: "BAD_USER_INPUT" },
      }),
  },
});

builder.queryType({});
builder.mutationType({});
