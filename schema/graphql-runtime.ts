// The one graphql build everything shares. Node resolves "graphql" to its CommonJS build for
// Pothos and Yoga; a test runner may hand our ESM sources the .mjs build instead, and graphql
// refuses to mix the two ("from another module or realm"). Requiring it pins the same build.
import { createRequire } from "node:module";

const graphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");

export const { GraphQLError, Kind, NoSchemaIntrospectionCustomRule, getOperationAST, lexicographicSortSchema, printSchema } = graphql;
export type GraphQLError = import("graphql").GraphQLError;
