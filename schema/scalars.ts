import { Prisma } from "@prisma/client";
import { GraphQLError, Kind } from "./graphql-runtime.js";
import { builder } from "./builder.js";

const DECIMAL = /^-?\d{1,14}(\.\d{1,6})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : typeof value === "number" && Number.isFinite(value) ? String(value) : "";
  if (!DECIMAL.test(text)) throw new GraphQLError("Decimal must be a string like \"125.50\"", { extensions: { code: "BAD_USER_INPUT" } });
  return text;
}

/** Money and rates: exact decimal strings on the wire, never floats. */
builder.scalarType("Decimal", {
  description: 'An exact decimal number as a string, e.g. "125.5000".',
  serialize: (value) => (value instanceof Prisma.Decimal ? value.toString() : String(value)),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : null),
});

builder.scalarType("DateTime", {
  description: "An ISO-8601 timestamp.",
  serialize: (value) => new Date(value).toISOString(),
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError("DateTime must be an ISO-8601 string", { extensions: { code: "BAD_USER_INPUT" } });
    return date;
  },
});

builder.scalarType("JSON", {
  description: "Arbitrary JSON (audit snapshots, provider requests).",
  serialize: (value) => value,
  parseValue: (value) => value,
});
