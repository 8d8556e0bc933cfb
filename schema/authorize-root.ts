import type { DocumentNode, FieldNode, GraphQLSchema, SelectionSetNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { scopesFor, type GraphQLContext, type ScopeName } from "./context.js";
import { GraphQLError, Kind, getOperationAST } from "./graphql-runtime.js";

/**
 * Checks the root fields' auth scopes before anything else runs. Pothos maps (and validates)
 * arguments before its scope check, so without this an anonymous caller could learn from
 * validation messages; here every refused root field answers "Not authorized" first.
 */
export function authorizeRootFields(schema: GraphQLSchema): Plugin<GraphQLContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      const root = operation?.operation === "mutation" ? schema.getMutationType() : operation?.operation === "query" ? schema.getQueryType() : null;
      if (!operation || !root) return;
      const scopes = scopesFor((args.contextValue as GraphQLContext).viewer);
      for (const node of rootFields(operation.selectionSet, args.document)) {
        const field = root.getFields()[node.name.value];
        if (!field) continue;
        const rule = (field.extensions as { pothosOptions?: { authScopes?: Partial<Record<ScopeName, boolean>> } }).pothosOptions?.authScopes;
        const allowed = rule !== undefined && Object.entries(rule).some(([scope, wanted]) => wanted === true && scopes[scope as ScopeName]);
        if (!allowed) {
          const path = [node.alias?.value ?? node.name.value];
          setResultAndStopExecution({ data: null, errors: [new GraphQLError("Not authorized", { nodes: [node], path, extensions: { code: "FORBIDDEN" } })] });
          return;
        }
      }
    },
  };
}

function rootFields(set: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith("__")) fields.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields.push(...rootFields(selection.selectionSet, document, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) fields.push(...rootFields(fragment.selectionSet, document, seen));
    }
  }
  return fields;
}
