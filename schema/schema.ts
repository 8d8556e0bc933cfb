// Assembles the schema from the type files. Importing a type file registers its types, queries and mutations.
import type { GraphQLSchema } from "graphql";
import { lexicographicSortSchema, printSchema } from "./graphql-runtime.js";
import { builder } from "./builder.js";
import "./scalars.js";
import "./errors.js";
import "./enums.js";
import "./types/audit.js";
import "./types/order.js";
import "./types/user.js";
import "./types/topup.js";
import "./types/payment.js";
import "./types/catalogue.js";
import "./types/provider.js";
import "./types/order-operations.js";
import "./types/reseller.js";
import "./types/stats.js";
import "./types/reports.js";
import "./types/ticket.js";
import "./types/group.js";

let built: GraphQLSchema | undefined;

export function getSchema(): GraphQLSchema {
  built ??= builder.toSchema();
  return built;
}

/** The SDL committed as schema/schema.graphql. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(getSchema()))}\n`;
}
