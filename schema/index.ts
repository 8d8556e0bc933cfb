import type { Route } from "../src/http/server.js";
import type { Deps } from "../src/deps.js";
import { adminAssetsRoute } from "./dashboard/assets-route.js";
import { adminRoute } from "./dashboard/route.js";
import { graphiqlAssetsRoute } from "./graphiql/route.js";
import { graphqlRoute } from "./http-route.js";
import { createPanelbotYoga, type GraphQLOptions, type PanelbotYoga } from "./yoga.js";

export type { GraphQLOptions } from "./yoga.js";

/** The GraphQL API at /graphql and the dashboard (with the login-link endpoint) at /admin. */
export function createGraphQL(deps: Deps, options: GraphQLOptions = {}): { yoga: PanelbotYoga; routes: Route[] } {
  const yoga = createPanelbotYoga(deps, options);
  return {
    yoga,
    routes: [
      graphiqlAssetsRoute(),
      graphqlRoute(yoga, options),
      adminAssetsRoute(),
      adminRoute(deps),
    ],
  };
}
