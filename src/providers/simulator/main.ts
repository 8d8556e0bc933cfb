// Runs a provider simulator for local development: npm run provider:sim -- --port 4100 --auto-advance-ms 5000
import { parseArgs } from "node:util";
import { SEED_SERVICES } from "./seed-services.js";
import { startProviderSimulator } from "./server.js";

const USAGE = `Usage: npm run provider:sim -- [options]
  --host <host>              interface to listen on (default 127.0.0.1)
  --port <port>              port (default 4100; 0 = any free port)
  --key <key>                API key to accept (default: random, printed)
  --balance <amount>         provider balance (default 100)
  --currency <code>          balance currency (default USD)
  --auto-advance-ms <ms>     move every active order one step this often (Pending → In progress → Completed)
  --smartpanel               answer add with {"status":"success","order":…}
  --reject-duplicate-links   refuse add while the link has an active order
Control endpoints: /_control/… with header x-api-key (see src/providers/simulator/control-http.ts).`;

const { values } = parseArgs({
  options: {
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "4100" },
    key: { type: "string" },
    balance: { type: "string", default: "100" },
    currency: { type: "string", default: "USD" },
    "auto-advance-ms": { type: "string" },
    smartpanel: { type: "boolean", default: false },
    "reject-duplicate-links": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const whole = (name: string, text: string | undefined) => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    console.error(`--${name} must be a whole number\n\n${USAGE}`);
    process.exit(2);
  }
  return Number(text);
};

const sim = await startProviderSimulator({
  host: values.host,
  port: whole("port", values.port),
  apiKey: values.key,
  balance: values.balance,
  currency: values.currency,
  services: SEED_SERVICES,
  autoAdvanceMs: whole("auto-advance-ms", values["auto-advance-ms"]),
  replyStyle: values.smartpanel ? "smartpanel" : "perfectpanel",
  rejectDuplicateLinks: values["reject-duplicate-links"],
});

console.log(`Provider simulator listening
  url:      ${sim.url}
  key:      ${sim.apiKey}
  balance:  ${sim.balance()} ${sim.currency}
  services: ${sim.services().map((s) => `${s.service} ${s.name}`).join("\n            ")}
Try: curl -s -d key=${sim.apiKey} -d action=balance ${sim.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sim.close().then(() => process.exit(0));
  });
}
