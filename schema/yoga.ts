import { EnvelopArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, NoSchemaIntrospectionCustomRule, createYoga } from "./graphql-runtime.js";
import type { Plugin, YogaServerInstance } from "graphql-yoga";
import type { Deps } from "../src/deps.js";
import type { GraphQLContext } from "./context.js";
import { authorizeRootFields } from "./authorize-root.js";
import { csrfRefusal } from "./csrf.js";
import { inputHygiene, validationGraphQLError } from "./input-hygiene.js";
import { jitExecution } from "./jit-execution.js";
import { DomainError } from "../src/shared/errors.js";
import { SESSION_COOKIE, parseCookies } from "../src/auth/session.js";
import { createLoaders } from "./loaders.js";
import { graphiqlPagePlugin, renderGraphiQL } from "./graphiql/route.js";
import { getSchema } from "./schema.js";
import { resolveViewer } from "./viewer.js";

export interface GraphQLOptions {
  /** Requests per minute per API key, admin session, or (anonymous) client address, counted in ./http-route.ts. Default 300. */
  rateLimitPerMinute?: number;
  /** graphql-armor cost limit; default LIMITS.maxCost. */
  maxCost?: number;
}

// Cost grows with the page size asked for (first/last): a 100-row orders page with the dashboard's columns costs about 18 000.
export const LIMITS = { maxDepth: 7, maxAliases: 16, maxCost: 20_000, maxTokens: 3000 } as const;

interface ServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

export type PanelbotYoga = YogaServerInstance<ServerContext, GraphQLContext>;

export function createPanelbotYoga(deps: Deps, options: GraphQLOptions = {}): PanelbotYoga {
  const production = deps.config.NODE_ENV === "production";
  const armor = new EnvelopArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    costLimit: { maxCost: options.maxCost ?? LIMITS.maxCost },
    maxTokens: { n: LIMITS.maxTokens },
    maxDirectives: { n: 10 },
    blockFieldSuggestion: { enabled: true },
  }).protect();

  const csrf: Plugin = {
    onRequest({ request, endResponse, fetchAPI }) {
      const reason = csrfRefusal(request);
      if (reason) {
        endResponse(new fetchAPI.Response(JSON.stringify({ errors: [{ message: `Forbidden: ${reason}` }] }), { status: 403, headers: { "content-type": "application/json" } }));
      }
    },
  };
  const noIntrospection: Plugin = {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };

  const schema = getSchema();
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    multipart: false,
    // ./http-route.ts has read the whole body within BODY_LIMITS.graphql before Yoga sees it;
    // Yoga's own limit would stream that string through a TransformStream once more per request.
    maxRequestBodySize: false,
    cors: { origin: "*", credentials: false, allowedHeaders: ["content-type", "authorization"] },
    // GraphiQL only for an admin (session or admin key), never in production.
    graphiql: production
      ? false
      : async (request) => ((await resolveViewer(deps, request.headers))?.role === "ADMIN" ? { title: "panelbot GraphiQL", defaultQuery: DEFAULT_QUERY } : false),
    renderGraphiQL, // served from this app, not unpkg (schema/graphiql/)
    maskedErrors: {
      isDev: false,
      errorMessage: "Unexpected error",
      // Errors raised on purpose (authorization, input validation, limits) pass; anything else
      // (Prisma, SQL, network, bugs) reaches the log only.
      maskError(error, message) {
        const original = isGraphQLError(error) ? error.originalError : error;
        if (isGraphQLError(error) && (!original || isGraphQLError(original))) return error;
        // Bad input raised where no typed result catches it (a query's argument): the client's error, not ours.
        if (original instanceof DomainError) return validationGraphQLError(original);
        deps.logger.error({ err: original }, "GraphQL request failed");
        return new GraphQLError(message, { extensions: { code: "INTERNAL" } });
      },
    },
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => deps.logger.warn({ args }, "graphql"),
      error: () => {},
    },
    plugins: [csrf, graphiqlPagePlugin, inputHygiene(), ...armor.plugins, ...(production ? [noIntrospection] : []), authorizeRootFields(schema), jitExecution()],
    context: async ({ request }) => {
      // Requests are counted (and bodies limited) before Yoga, in ./http-route.ts.
      const viewer = await resolveViewer(deps, request.headers);
      // A dashboard cookie whose session ended (logout, expiry, demotion): say so, so the page signs in again.
      if (!viewer && !request.headers.has("authorization") && parseCookies(request.headers.get("cookie")).has(SESSION_COOKIE)) {
        throw new GraphQLError("Your dashboard session has ended; open a new login link", { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
      }
      return { deps, viewer, loaders: createLoaders(deps) };
    },
  });
}

const DEFAULT_QUERY = `# panelbot admin API. Example:
query FailedOrders {
  orders(first: 10, filter: { status: [FAILED, UNKNOWN] }) {
    totalCount
    nodes { id status providerError user { id username } service { nameEn } }
  }
}
`;

/** By tag, not instanceof: a test runner may load graphql twice (ESM and CJS builds). */
function isGraphQLError(error: unknown): error is GraphQLError {
  return Object.prototype.toString.call(error) === "[object GraphQLError]";
}
