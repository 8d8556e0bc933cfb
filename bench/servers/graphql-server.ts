// The GraphQL entry point as its own process for the benchmark: createGraphQL(deps) mounted on the
// app's HTTP server at 127.0.0.1, on the bench database, with the app's pool size. It counts SQL
// statements (GET /__bench/stats) so the load generator can divide them by requests.
// Started by bench/sections/graphql.ts; prints {"port": …} on stdout when listening.
import { createDb } from "../../src/db/client.js";
import { createHttpServer, sendJson } from "../../src/http/server.js";
import { benchDeps, installStatementCounter, rssOf, statements } from "../lib/common.js";

installStatementCounter();
const url = process.env.BENCH_DB_URL;
if (!url) throw new Error("BENCH_DB_URL is not set");
const { createGraphQL } = await import("../../schema/index.js");
const handle = createDb(url);
const deps = benchDeps(handle.prisma);
// The rate limit (300/min per key by default) would cap a benchmark client; everything else is as shipped.
const { routes } = createGraphQL(deps, { rateLimitPerMinute: 100_000_000 });
let base = statements();
const server = createHttpServer(
  [
    ...routes,
    {
      path: "/__bench/stats",
      handler: (req, res) => {
        const body = { statements: statements() - base, ...rssOf(process.pid), cpuUsage: process.cpuUsage() };
        if (req.method === "POST") base = statements();
        sendJson(res, 200, body);
      },
    },
  ],
  deps.logger,
);
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 })}\n`);
});
const stop = () => {
  server.close();
  server.closeAllConnections();
  void handle.close().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
