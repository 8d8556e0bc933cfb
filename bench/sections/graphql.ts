// 3. GraphQL over real HTTP on 127.0.0.1: the admin orders page (50 rows with user, service and
// provider, status filter) over the seeded orders at N concurrent clients, against the same page as
// one hand-written SQL query; then the reseller placeOrder mutation. The server is its own process
// (bench/servers/graphql-server.ts) so its statements and memory are its own.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { issueApiKey } from "../../src/apikeys/api-keys.js";
import { createDb } from "../../src/db/client.js";
import { drive, figure, latencySummary, log, type BenchArgs, type Figure } from "../lib/common.js";
import { testDeps } from "../../tests/support/deps.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { benchDeps } from "../lib/common.js";

const here = dirname(fileURLToPath(import.meta.url));

export const ADMIN_PAGE = `query AdminOrders($status: [OrderStatus!]) {
  orders(first: 50, filter: { status: $status }) {
    nodes {
      id status link quantity charge createdAt providerOrderId
      user { id username firstName }
      service { id nameEn }
      provider { id name }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The same page, by hand: one statement. */
export const RAW_PAGE = `
  SELECT o.id, o.status, o.link, o.quantity, o.charge::text AS charge, o."createdAt", o."providerOrderId",
         u.id AS "userId", u.username, u."firstName", s.id AS "serviceId", s."nameEn", p.id AS "providerId", p.name AS "providerName"
    FROM "Order" o
    JOIN "User" u ON u.id = o."userId"
    JOIN "Service" s ON s.id = o."serviceId"
    LEFT JOIN "Provider" p ON p.id = o."providerId"
   WHERE o.status = ANY($1::"OrderStatus"[])
   ORDER BY o."createdAt" DESC, o.id DESC
   LIMIT 51`;

const PLACE = `mutation Place($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    __typename
    ... on MutationPlaceOrderSuccess { data { created order { id } } }
    ... on Error { code message }
  }
}`;

export interface ServerStats {
  statements: number;
  rssMb: number;
  hwmMb: number;
  cpuUsage: { user: number; system: number };
}

const cpuMs = (s: ServerStats) => (s.cpuUsage.user + s.cpuUsage.system) / 1000;

export interface GraphQLServer {
  child: ChildProcess;
  port: number;
  agent: http.Agent;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  stats(reset?: boolean): Promise<ServerStats>;
  stop(): Promise<void>;
}

export async function startGraphQLServer(url: string, sockets: number): Promise<GraphQLServer> {
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", join(here, "..", "servers", "graphql-server.ts")], {
    cwd: join(here, "..", ".."),
    env: { ...process.env, BENCH_DB_URL: url, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => {
      try {
        resolve((JSON.parse(line) as { port: number }).port);
      } catch {
        reject(new Error(`GraphQL server said: ${line}`));
      }
    });
    child.once("exit", (code) => reject(new Error(`GraphQL server exited (${code}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`)));
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; json: any }>((resolve, reject) => {
      const data = typeof body === "string" ? body : JSON.stringify(body);
      const req = http.request(
        { host: "127.0.0.1", port, path, method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            try {
              resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
            } catch {
              reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
            }
          });
        },
      );
      req.on("error", reject);
      req.end(data);
    });
  return {
    child,
    port,
    agent,
    post,
    stats: async (reset = false) => {
      const res = await new Promise<string>((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port, path: "/__bench/stats", method: reset ? "POST" : "GET", agent }, (r) => {
          let t = "";
          r.on("data", (c: Buffer) => (t += c.toString()));
          r.on("end", () => resolve(t));
        });
        req.on("error", reject);
        req.end();
      });
      return JSON.parse(res) as ServerStats;
    },
    stop: async () => {
      agent.destroy();
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
    },
  };
}

export async function benchGraphQL(url: string, args: BenchArgs, extra: Record<string, unknown>): Promise<Figure[]> {
  const handle = createDb(url);
  const db = handle.prisma;
  const raw = new pg.Pool({ connectionString: url, max: 10 });
  let server: GraphQLServer | undefined;
  try {
    try {
      await import("../../schema/index.js");
    } catch (error) {
      throw new Error(`schema/index.ts cannot be loaded (${(error as Error).message.split("\n")[0]})`);
    }
    const admin = await db.user.create({ data: { username: "bench_admin", role: "ADMIN", account: { create: {} } } });
    const adminKey = (await issueApiKey(testDeps(db), { userId: admin.id, name: "bench" })).key;
    const resellers: { key: string; userId: number }[] = [];
    for (let i = 0; i < args.graphqlConcurrency; i++) {
      const u = await db.user.create({ data: { username: `bench_reseller_${i}`, role: "RESELLER", account: { create: { balance: "100000000" } } }, include: { account: true } });
      await db.ledgerEntry.create({ data: { accountId: u.account!.id, kind: "ADJUSTMENT", amount: "100000000", balanceAfter: "100000000", note: "bench funds" } });
      resellers.push({ key: (await issueApiKey(testDeps(db), { userId: u.id, name: "bench" })).key, userId: u.id });
    }
    const service = await db.service.findFirstOrThrow({ where: { mode: "AUTO", providerId: { not: null }, active: true }, orderBy: { id: "asc" } });

    server = await startGraphQLServer(url, args.graphqlConcurrency);
    const s = server;
    const adminHeaders = { authorization: `Bearer ${adminKey}` };
    const check = await s.post("/graphql", { query: ADMIN_PAGE, variables: { status: ["COMPLETED"] } }, adminHeaders);
    if (check.json.errors || check.json.data?.orders?.nodes?.length !== 50) throw new Error(`admin orders page answered ${JSON.stringify(check.json).slice(0, 300)}`);
    for (const r of resellers) await s.post("/graphql", { query: "{ me { id } }" }, { authorization: `Bearer ${r.key}` }); // first use writes lastUsedAt

    const scenarios: { label: string; status: string[] }[] = [
      { label: "status COMPLETED (most rows)", status: ["COMPLETED"] },
      { label: "status FAILED+UNKNOWN", status: ["FAILED", "UNKNOWN"] },
    ];
    const out: Figure[] = [];
    const S = "3 graphql";
    const n = args.graphqlRequests;
    const conc = args.graphqlConcurrency;
    for (const sc of scenarios) {
      const g = { rate: [] as number[], p50: [] as number[], p95: [] as number[], stmts: [] as number[], cpu: [] as number[], warmUpCpu: [] as number[] };
      const r = { rate: [] as number[], p50: [] as number[], p95: [] as number[] };
      const body = JSON.stringify({ query: ADMIN_PAGE, variables: { status: sc.status } });
      const viaGraphQL = async (record: boolean, count: number) => {
        const before = await s.stats(true);
        const res = await drive(Array.from({ length: count }), conc, async () => {
          const reply = await s.post("/graphql", body, adminHeaders);
          if (reply.status !== 200 || reply.json.errors) throw new Error(JSON.stringify(reply.json).slice(0, 300));
        });
        if (res.errors.length) throw new Error(`${res.errors.length} GraphQL requests failed: ${String(res.errors[0])}`);
        const st = await s.stats();
        if (!record) return void g.warmUpCpu.push((cpuMs(st) - cpuMs(before)) / count);
        const l = latencySummary(res.latencies);
        g.rate.push(count / (res.wallMs / 1000));
        g.p50.push(l.p50);
        g.p95.push(l.p95);
        g.stmts.push(st.statements / count);
        g.cpu.push((cpuMs(st) - cpuMs(before)) / count);
      };
      const viaSql = async (record: boolean, count: number) => {
        const res = await drive(Array.from({ length: count }), conc, async () => {
          const rows = await raw.query(RAW_PAGE, [sc.status]);
          if (rows.rows.length === 0) throw new Error("raw page is empty");
        });
        if (res.errors.length) throw new Error(`raw page failed: ${String(res.errors[0])}`);
        if (!record) return;
        const l = latencySummary(res.latencies);
        r.rate.push(count / (res.wallMs / 1000));
        r.p50.push(l.p50);
        r.p95.push(l.p95);
      };
      // Warm-up, as long as a measured run: a fresh server spends its first requests compiling
      // (its CPU per request there is reported beside the measured one).
      await viaGraphQL(false, n);
      await viaSql(false, n);
      for (let run = 0; run < args.runs; run++) {
        if (run % 2 === 0) {
          await viaGraphQL(true, n);
          await viaSql(true, n);
        } else {
          await viaSql(true, n);
          await viaGraphQL(true, n);
        }
        log(`graphql ${sc.label} run ${run + 1}: ${g.rate.at(-1)!.toFixed(0)} req/s p95 ${g.p95.at(-1)!.toFixed(1)} ms; raw ${r.rate.at(-1)!.toFixed(0)} q/s p95 ${r.p95.at(-1)!.toFixed(1)} ms`);
      }
      const note = `${sc.label}, ${conc} clients, ${n} req/run`;
      out.push(
        figure(S, "admin orders page", "req/s", g.rate, { note }),
        figure(S, "admin orders page p50", "ms", g.p50),
        figure(S, "admin orders page p95", "ms", g.p95),
        figure(S, "SQL statements/request", "stmts", g.stmts, { target: "≤ 2", check: (m) => m <= 2, note: "incl. API-key lookup" }),
        figure(S, "server CPU/request", "ms", g.cpu, { target: "≤ 5", check: (m) => m <= 5, note: "user+system CPU of the server process" }),
        figure(S, "server CPU/request in the warm-up run", "ms", g.warmUpCpu, { note: `the first ${n} requests of the scenario, not in the figures above` }),
        figure(S, "one hand-written SQL query", "req/s", r.rate, { note }),
        figure(S, "hand-written SQL p50", "ms", r.p50),
        figure(S, "hand-written SQL p95", "ms", r.p95),
        figure(S, "latency ratio GraphQL / SQL (p50)", "×", g.p50.map((v, i) => v / r.p50[i]!), { target: "≤ 2", check: (m) => m <= 2 }),
      );
    }
    // The page's plan: the status filter, newest first and the id tiebreak read in index order.
    const plans: Record<string, string[]> = {};
    for (const sc of scenarios) {
      const plan = (await raw.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${RAW_PAGE}`, [sc.status])).rows.map((r) => r["QUERY PLAN"]);
      plans[sc.label] = plan;
      log(`EXPLAIN admin orders page, ${sc.label}:\n    ${plan.join("\n    ")}`);
      out.push(figure(S, `sort steps in the page's plan (${sc.label})`, "nodes", [plan.filter((l) => /^\s*(->\s*)?(Incremental )?Sort\s*\(/.test(l)).length], { target: "0", check: (m) => m === 0 }));
    }
    extra.adminPagePlans = plans;

    // A constant number of statements per request: the same page size at 5 and 50 rows.
    const small = JSON.stringify({ query: ADMIN_PAGE.replace("first: 50", "first: 5"), variables: { status: ["COMPLETED"] } });
    await s.stats(true);
    for (let i = 0; i < 20; i++) await s.post("/graphql", small, adminHeaders);
    const at5 = (await s.stats()).statements / 20;
    extra.graphqlStatementsPerRequestAt5Rows = at5;

    // Reseller placeOrder mutation.
    const placeRate: number[] = [];
    const placeP50: number[] = [];
    const placeP99: number[] = [];
    let seq = 0;
    const placeCpu: number[] = [];
    const placeStmts: number[] = [];
    const placeWarmUpCpu: number[] = [];
    // run -1 warms up (as long as a measured run): its CPU is reported on its own.
    for (let run = -1; run < args.runs; run++) {
      const before = await s.stats(true);
      const res = await drive(Array.from({ length: args.resellerOrders }), conc, async (_, w) => {
        const i = ++seq;
        const reply = await s.post(
          "/graphql",
          { query: PLACE, variables: { input: { serviceId: service.id, link: `https://instagram.com/reseller_${i}`, quantity: 1000, idempotencyKey: `bench-reseller-${i}` } } },
          { authorization: `Bearer ${resellers[w]!.key}` },
        );
        if (reply.json.data?.placeOrder?.__typename !== "MutationPlaceOrderSuccess") throw new Error(JSON.stringify(reply.json).slice(0, 300));
      });
      if (res.errors.length) throw new Error(`${res.errors.length} placeOrder mutations failed: ${String(res.errors[0])}`);
      if (run < 0) {
        const after = await s.stats();
        placeWarmUpCpu.push((cpuMs(after) - cpuMs(before)) / args.resellerOrders);
        continue;
      }
      const l = latencySummary(res.latencies);
      placeRate.push(args.resellerOrders / (res.wallMs / 1000));
      placeP50.push(l.p50);
      placeP99.push(l.p99);
      const after = await s.stats();
      placeCpu.push((cpuMs(after) - cpuMs(before)) / args.resellerOrders);
      placeStmts.push(after.statements / args.resellerOrders);
      log(`reseller placeOrder run ${run + 1}: ${placeRate.at(-1)!.toFixed(0)} orders/s`);
    }
    // The same placements through the use-case alone, in this process, at the same concurrency.
    const useCaseCpu: number[] = [];
    const deps = benchDeps(db);
    for (let run = -1; run < args.runs; run++) {
      const cpu0 = process.cpuUsage();
      const res = await drive(Array.from({ length: args.resellerOrders }), conc, async (_, w) => {
        const i = ++seq;
        await placeOrder(deps, { userId: resellers[w]!.userId, source: "API", serviceId: service.id, link: `https://instagram.com/reseller_${i}`, quantity: 1000, idempotencyKey: `bench-reseller-${i}` });
      });
      if (res.errors.length) throw new Error(`${res.errors.length} use-case placements failed: ${String(res.errors[0])}`);
      const c = process.cpuUsage(cpu0);
      if (run >= 0) useCaseCpu.push((c.user + c.system) / 1000 / args.resellerOrders);
    }
    out.push(
      figure(S, "reseller placeOrder mutation", "orders/s", placeRate, { note: `${conc} resellers, ${args.resellerOrders} orders/run` }),
      figure(S, "reseller placeOrder p50", "ms", placeP50),
      figure(S, "reseller placeOrder p99", "ms", placeP99),
      figure(S, "reseller placeOrder server CPU/order", "ms", placeCpu),
      figure(S, "reseller placeOrder server CPU/order in the warm-up run", "ms", placeWarmUpCpu, { note: `the first ${args.resellerOrders} mutations, not in the figures above` }),
      figure(S, "reseller placeOrder SQL statements/order", "stmts", placeStmts),
      figure(S, "placeOrder use-case alone CPU/order", "ms", useCaseCpu, { note: "placeOrder() called in the bench process, same concurrency" }),
      figure(S, "ratio CPU/order mutation / use-case", "×", placeCpu.map((v, i) => v / useCaseCpu[i]!), { target: "≤ 2", check: (m) => m <= 2 }),
    );
    const mem = await s.stats();
    extra.graphqlServer = { statementsPerRequestAt5Rows: at5, rssMbAtEnd: mem.rssMb, peakRssMb: mem.hwmMb };
    out.push(
      figure("6 memory", "GraphQL server RSS at end of the GraphQL run", "MB", [mem.rssMb], { note: `peak ${mem.hwmMb.toFixed(0)} MB; bench/servers/graphql-server.ts (createGraphQL on the app's HTTP server)` }),
    );
    return out;
  } finally {
    await server?.stop();
    await raw.end();
    await handle.close();
  }
}
