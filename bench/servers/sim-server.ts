// Provider simulators for the status-sync benchmark, in their own process so their CPU is not
// counted as panelbot's. Starts SIM_COUNT simulators, places SIM_ORDERS orders on each through
// its own API v2 `add` (ids firstOrderId … firstOrderId + n - 1), moves them all to "In progress",
// then prints [{ url, apiKey, firstOrderId, orders }] on stdout and serves until SIGTERM.
import http from "node:http";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";

const count = Number(process.env.SIM_COUNT ?? 5);
const perSim = Number(process.env.SIM_ORDERS ?? 20000);
// A second set of simulators holding only the orders that have news in every measured pass.
const movedCount = Number(process.env.SIM_MOVED_COUNT ?? 0);
const movedPerSim = Number(process.env.SIM_MOVED_ORDERS ?? 0);
// A third set whose orders all report Completed: every order of theirs changes status in a pass.
const doneCount = Number(process.env.SIM_DONE_COUNT ?? 0);
const donePerSim = Number(process.env.SIM_DONE_ORDERS ?? 0);
const sims: ProviderSimulator[] = [];
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function add(sim: ProviderSimulator, i: number): Promise<void> {
  const body = new URLSearchParams({ key: sim.apiKey, action: "add", service: "1", link: `https://instagram.com/sync_${i}`, quantity: "1000" }).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: sim.host, port: sim.port, path: new URL(sim.url).pathname, method: "POST", agent, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => (/"order"/.test(text) ? resolve() : reject(new Error(`add answered ${text}`))));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const sizes = [...Array.from({ length: count }, () => perSim), ...Array.from({ length: movedCount }, () => movedPerSim), ...Array.from({ length: doneCount }, () => donePerSim)];
for (const [k, size] of sizes.entries()) {
  const firstOrderId = 10_000_000 * (k + 1);
  const sim = await startProviderSimulator({ balance: "1000000000", firstOrderId, controlEndpoints: false });
  sims.push(sim);
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < size) await add(sim, next++);
    }),
  );
  sim.advanceAll({ to: k >= count + movedCount ? "Completed" : "In progress" });
}
agent.destroy();
process.stdout.write(`${JSON.stringify(sims.map((s, k) => ({ url: s.url, apiKey: s.apiKey, firstOrderId: 10_000_000 * (k + 1), orders: s.orderCount() })))}\n`);
const stop = () => void Promise.all(sims.map((s) => s.close())).finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
