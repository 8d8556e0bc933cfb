// The GraphQL libraries, loaded as their CommonJS builds through require():
// - graphql: Node resolves it to the CommonJS build for Pothos and Yoga; a test runner may hand
//   our ESM sources the .mjs build instead, and graphql refuses to mix the two ("from another
//   module or realm"). Requiring it pins the same build.
// - Yoga and Pothos: their ESM builds are ~600 small modules (Yoga brings @graphql-tools, a second
//   copy of @envelop beside graphql-armor's CommonJS one). Under tsx (`npm start`) every ESM module
//   goes through tsx's loader thread; measured at idle, the ESM builds cost ~24 MB more RSS than
//   the CommonJS ones (~5 MB with node dist/).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

const graphql = require("graphql") as typeof import("graphql");

export const { GraphQLError, Kind, NoSchemaIntrospectionCustomRule, getOperationAST, lexicographicSortSchema, printSchema } = graphql;
export type GraphQLError = import("graphql").GraphQLError;

export const { createYoga } = require("graphql-yoga") as typeof import("graphql-yoga");

// graphql-jit's ESM build would import graphql on its own; its CommonJS build requires the one above.
export const { compileQuery, isCompiledQuery } = require("graphql-jit") as typeof import("graphql-jit");

const pothos = require("@pothos/core") as typeof import("@pothos/core");
export const SchemaBuilder = pothos.default;
export const { BasePlugin } = pothos;

/** The Pothos plugins the builder uses (their names, as `plugins` takes them). */
export const PothosPlugins = {
  scopeAuth: (require("@pothos/plugin-scope-auth") as typeof import("@pothos/plugin-scope-auth")).default,
  errors: (require("@pothos/plugin-errors") as typeof import("@pothos/plugin-errors")).default,
  prisma: (require("@pothos/plugin-prisma") as typeof import("@pothos/plugin-prisma")).default,
  relay: (require("@pothos/plugin-relay") as typeof import("@pothos/plugin-relay")).default,
  validation: (require("@pothos/plugin-validation") as typeof import("@pothos/plugin-validation")).default,
} as const;
