import type { Role } from "@prisma/client";
import type { Actor } from "../src/audit/actor.js";
import type { Deps } from "../src/deps.js";
import type { Loaders } from "./loaders.js";

/** Who is calling: an API key's owner, or an admin with a web session from a login link. */
export interface Viewer {
  userId: number;
  role: Role;
  via: "apikey" | "session";
  /** For the audit log: "apikey:pb_ab12" or "web:<userId>". */
  label: string;
}

export interface GraphQLContext {
  deps: Deps;
  viewer: Viewer | null;
  loaders: Loaders;
}

/** The actor use-cases record; resolvers only run it behind an auth scope, so a viewer is present. */
export function actorOf(ctx: GraphQLContext): Actor {
  const v = ctx.viewer;
  if (!v) throw new Error("actorOf called without a viewer");
  return { userId: v.userId, label: v.label, isAdmin: v.role === "ADMIN" };
}

export function viewerId(ctx: GraphQLContext): number {
  if (!ctx.viewer) throw new Error("viewerId called without a viewer");
  return ctx.viewer.userId;
}

export type ScopeName = "admin" | "reseller" | "customer" | "authenticated";

export function scopesFor(viewer: Viewer | null): Record<ScopeName, boolean> {
  return {
    admin: viewer?.role === "ADMIN",
    reseller: viewer?.role === "RESELLER",
    customer: viewer?.role === "CUSTOMER",
    authenticated: viewer !== null,
  };
}
