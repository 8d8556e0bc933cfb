import type { Actor } from "../../audit/actor.js";
import type { Role } from "./transitions.js";

/** The life-cycle role of an actor: jobs act as the system, API-key callers as resellers. */
export function roleOf(actor: Actor): Exclude<Role, "provider"> {
  if (actor.label === "system" || actor.label.startsWith("job:")) return "system";
  if (actor.isAdmin) return "admin";
  return actor.label.startsWith("apikey:") ? "reseller" : "customer";
}
