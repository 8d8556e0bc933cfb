// A Pothos plugin for rows whose relations were read in the parent's own statement (the admin
// orders page joins user, service and provider). Such a row names the relations it carries, and a
// relation field on it answers from the row; every other row goes through plugin-prisma, which
// looks up its selection plan per row and field (a fifth of the 50-row page's CPU, measured in process).
// It sits after scope-auth and errors in the plugin list, so their wrappers still run first.
import type { PothosOutputFieldConfig, SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import { BasePlugin, SchemaBuilder } from "./graphql-runtime.js";

const JOINED = Symbol("relations read with the row");

type Marked = { [JOINED]?: ReadonlySet<string> };

/** Marks `row` as carrying `relations`: read in the row's statement with every column their selection reads. */
export function markJoined(row: object, relations: ReadonlySet<string>): void {
  (row as Marked)[JOINED] = relations;
}

class JoinedRelationsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: GraphQLFieldResolver<unknown, Types["Context"], object>, fieldConfig: PothosOutputFieldConfig<Types>): GraphQLFieldResolver<unknown, Types["Context"], object> {
    const relation = (fieldConfig.extensions?.pothosPrismaRelationField as { name?: string } | undefined)?.name;
    const own = fieldConfig.resolve;
    if (!relation || !own) return resolver;
    return (parent, args, context, info) => ((parent as Marked | null)?.[JOINED]?.has(relation) ? own(parent, args, context, info) : resolver(parent, args, context, info));
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      joinedRelations: JoinedRelationsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin("joinedRelations", JoinedRelationsPlugin);

export default "joinedRelations" as const;
