import type { ArgumentNode, DocumentNode, ValueNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { findDirtyString } from "../src/shared/input-hygiene.js";
import { DomainError, ValidationError } from "../src/shared/errors.js";
import { GraphQLError, Kind } from "./graphql-runtime.js";

/**
 * Every string a request brings (variables and literals in the query) is checked before execution:
 * one with NUL or another control character (line breaks and tabs are fine) answers a validation
 * error naming the field, instead of reaching PostgreSQL and coming back as "Unexpected error".
 */
export function inputHygiene(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const field = dirtyVariable(args.variableValues ?? {}, args.document) ?? dirtyLiteral(args.document);
      if (field !== null) setResultAndStopExecution({ errors: [validationGraphQLError(new ValidationError(field, "control_characters", `${field} contains control characters`))] });
    },
  };
}

/** A domain error raised outside a typed result (a query's argument, a plugin): a client error, never INTERNAL. */
export function validationGraphQLError(error: DomainError): GraphQLError {
  const field = error instanceof ValidationError ? { field: error.field } : {};
  return new GraphQLError(error.message, { extensions: { code: error instanceof ValidationError ? "VALIDATION_ERROR" : error.code.toUpperCase(), ...field } });
}

interface DocumentFacts {
  /** Each variable's first argument path. */
  argumentOf: Map<string, string>;
  dirtyLiteral: string | null;
}

/** Per parsed document: Yoga's parser cache hands the same document to every request with that query. */
const facts = new WeakMap<DocumentNode, DocumentFacts>();

function factsOf(document: DocumentNode): DocumentFacts {
  let known = facts.get(document);
  if (!known) {
    const values = argumentValues(document);
    const argumentOf = new Map<string, string>();
    for (const { path, node } of values) if (node.kind === Kind.VARIABLE && !argumentOf.has(node.name.value)) argumentOf.set(node.name.value, path);
    known = { argumentOf, dirtyLiteral: values.find(({ path, node }) => node.kind === Kind.STRING && findDirtyString(node.value, path))?.path ?? null };
    facts.set(document, known);
  }
  return known;
}

/** Named by the argument the variable feeds (`note`, `input.extra.comments`), not by the variable. */
function dirtyVariable(variables: Record<string, unknown>, document: DocumentNode): string | null {
  const { argumentOf } = factsOf(document);
  for (const [name, value] of Object.entries(variables)) {
    const found = findDirtyString(value, argumentOf.get(name) ?? name);
    if (found !== null) return found;
  }
  return null;
}

function dirtyLiteral(document: DocumentNode): string | null {
  return factsOf(document).dirtyLiteral;
}

/** Every value under every field argument of the document, with its path from the argument name. */
function argumentValues(document: DocumentNode): { path: string; node: ValueNode }[] {
  const out: { path: string; node: ValueNode }[] = [];
  const stack: { path: string; node: ValueNode }[] = [];
  const pushArgs = (nodes: readonly ArgumentNode[] | undefined) => nodes?.forEach((a) => stack.push({ path: a.name.value, node: a.value }));
  const visitSelections = (selections: readonly { kind: string; arguments?: readonly ArgumentNode[]; selectionSet?: { selections: readonly unknown[] } }[]) => {
    for (const s of selections) {
      pushArgs(s.arguments);
      if (s.selectionSet) visitSelections(s.selectionSet.selections as never);
    }
  };
  for (const definition of document.definitions) {
    if ("selectionSet" in definition && definition.selectionSet) visitSelections(definition.selectionSet.selections as never);
  }
  while (stack.length) {
    const entry = stack.pop()!;
    out.push(entry);
    const { path, node } = entry;
    if (node.kind === Kind.LIST) node.values.forEach((v, i) => stack.push({ path: `${path}[${i}]`, node: v }));
    else if (node.kind === Kind.OBJECT) node.fields.forEach((f) => stack.push({ path: `${path}.${f.name.value}`, node: f.value }));
  }
  return out;
}
