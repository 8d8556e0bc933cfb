import { randomBytes } from "node:crypto";
import { Decimal } from "decimal.js";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { handleAction, type ActionContext, type ActionReply, type ReplyStyle } from "./api-actions.js";
import { handleControl } from "./control-http.js";
import { FaultQueue } from "./faults.js";
import { OrderBook, type AdvanceStep, type OrderPatch } from "./order-book.js";
import { htmlPage, numbersAsStrings, send } from "./replies.js";
import { requestFields } from "../../api-v2/request-fields.js";
import { BodyTooLarge, readBody } from "./request-body.js";
import { SEED_SERVICES } from "./seed-services.js";
import type { FaultFunction, FaultRule, FaultSpec, SimCall, SimOrder, SimRefill, SimRequest, SimService } from "./types.js";

export interface SimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Default: a random key, see `apiKey` on the result. */
  apiKey?: string;
  /** Provider balance, decimal; default "100". */
  balance?: string | number;
  currency?: string;
  /** Default SEED_SERVICES. */
  services?: readonly SimService[];
  /** Move every active order (and refill) one step on this interval. */
  autoAdvanceMs?: number;
  /** "smartpanel" answers add with {"status":"success","order":151}. */
  replyStyle?: ReplyStyle;
  rejectDuplicateLinks?: boolean;
  firstOrderId?: number;
  /** Serve /_control/… endpoints (for the CLI); default true. */
  controlEndpoints?: boolean;
}

export interface ProviderSimulator {
  /** The API v2 endpoint, e.g. http://127.0.0.1:40123/api/v2 */
  url: string;
  host: string;
  port: number;
  apiKey: string;
  currency: string;
  /** Stops at once: open and held connections are destroyed. */
  close(): Promise<void>;

  balance(): string;
  setBalance(balance: string | number): void;
  services(): SimService[];
  setServices(services: readonly SimService[]): void;

  order(id: string | number): SimOrder | undefined;
  orders(filter?: { link?: string }): SimOrder[];
  ordersForLink(link: string): number;
  orderCount(): number;
  advance(id: string | number, step?: AdvanceStep): SimOrder;
  advanceAll(step?: AdvanceStep): number;
  setOrder(id: string | number, patch: OrderPatch): SimOrder;
  refills(): SimRefill[];
  setRefillStatus(refillId: string | number, status: string): void;
  advanceRefills(): void;
  setAutoAdvance(ms: number | null): void;
  setReplyStyle(style: ReplyStyle): void;
  setRejectDuplicateLinks(on: boolean): void;

  fault(rule: FaultRule | FaultFunction): { remove(): void };
  clearFaults(): void;
  pendingFaults(): number;
  /** API requests received for an action (any outcome, faults included); all actions when omitted. */
  callCount(action?: string): number;
  calls(): SimCall[];
  /** Forget orders, refills, calls and faults; balance and services stay. */
  reset(): void;
}

export async function startProviderSimulator(options: SimulatorOptions = {}): Promise<ProviderSimulator> {
  const host = options.host ?? "127.0.0.1";
  const apiKey = options.apiKey ?? `sim_${randomBytes(16).toString("hex")}`;
  const book = new OrderBook({
    balance: options.balance ?? "100",
    currency: options.currency ?? "USD",
    services: options.services ?? SEED_SERVICES,
    firstOrderId: options.firstOrderId ?? 1000,
  });
  const ctx: ActionContext = {
    book,
    apiKey,
    replyStyle: options.replyStyle ?? "perfectpanel",
    rejectDuplicateLinks: options.rejectDuplicateLinks ?? false,
  };
  const faults = new FaultQueue();
  let calls: SimCall[] = [];
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const holds = new Set<() => void>();
  let closed = false;
  let ticker: NodeJS.Timeout | undefined;

  /** Resolves after `ms` (forever when undefined), or when the client goes away, or on close. */
  const hold = (res: ServerResponse, ms?: number) =>
    new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        holds.delete(done);
        res.off("close", done);
        resolve();
      }
      holds.add(done);
      res.once("close", done);
    });

  const reply = (res: ServerResponse, r: ActionReply, transform: (json: unknown) => unknown = (j) => j) =>
    send(res, r.status, JSON.stringify(transform(r.json)));

  async function serveApi(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    // Read as our own API v2 reads a panel's request (query string, then a form, multipart or JSON body).
    const { key, action = "", ...fields } = await requestFields(req, async () => Buffer.from(body, "utf8"));
    const request: SimRequest = { action, fields };
    const fault = faults.take(request);
    counts.set(action, (counts.get(action) ?? 0) + 1);
    calls.push({ action, fields, at: new Date(), fault: fault?.kind ?? null });
    const run = () => handleAction(ctx, request, key);
    await applyFault(fault, req, res, request, run);
  }

  async function applyFault(fault: FaultSpec | null, req: IncomingMessage, res: ServerResponse, request: SimRequest, run: () => ActionReply) {
    if (fault === null) return reply(res, run());
    switch (fault.kind) {
      case "latency":
        await hold(res, fault.ms);
        return reply(res, run());
      case "timeout_after_commit": {
        const result = run();
        await hold(res, fault.holdMs);
        return closed ? undefined : reply(res, result);
      }
      case "timeout_before_commit":
        await hold(res, fault.holdMs);
        return void req.socket.destroy();
      case "reset": {
        if (fault.commit) run();
        const socket = req.socket as Socket & { resetAndDestroy?: () => void };
        return void (socket.resetAndDestroy ? socket.resetAndDestroy() : socket.destroy());
      }
      case "html_403":
      case "html_502":
      case "html_503": {
        if (fault.commit) run();
        const status = Number(fault.kind.slice(5)) as 403 | 502 | 503;
        return send(res, status, htmlPage(status), "text/html; charset=utf-8");
      }
      case "error":
        return send(res, fault.httpStatus ?? 200, JSON.stringify({ error: fault.text }));
      case "empty_body":
        if (fault.commit) run();
        return send(res, 200, "");
      case "broken_json": {
        const text = fault.commit ? JSON.stringify(run().json) : '{"status":"success","order":';
        return send(res, 200, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      }
      case "strings":
        return reply(res, run(), numbersAsStrings);
      case "transform":
        return reply(res, run(), (json) => fault.fn(json, request));
      case "raw":
        if (fault.commit) run();
        return send(res, fault.status ?? 200, fault.body, fault.contentType ?? "application/json");
    }
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const body = await readBody(req);
        const path = new URL(req.url ?? "/", "http://simulator").pathname;
        if (path.startsWith("/_control/") && options.controlEndpoints !== false) return handleControl(sim, req, res, path, body);
        await serveApi(req, res, body);
      } catch (err) {
        if (err instanceof BodyTooLarge) return send(res, 413, JSON.stringify({ error: "Request too large" }));
        send(res, 500, JSON.stringify({ error: "Simulator error" }));
      }
    })();
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  const setAutoAdvance = (ms: number | null) => {
    clearInterval(ticker);
    ticker = undefined;
    if (ms !== null && ms > 0) {
      ticker = setInterval(() => {
        book.advanceAll();
        book.advanceRefills();
      }, ms);
      ticker.unref();
    }
  };
  setAutoAdvance(options.autoAdvanceMs ?? null);

  const sim: ProviderSimulator = {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/api/v2`,
    host,
    port,
    apiKey,
    currency: book.currency,
    async close() {
      if (closed) return;
      closed = true;
      setAutoAdvance(null);
      for (const done of [...holds]) done();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await stopped;
    },
    balance: () => book.balance.toFixed(),
    setBalance: (balance) => {
      book.balance = new Decimal(balance);
    },
    services: () => book.listServices(),
    setServices: (services) => book.setServices(services),
    order: (id) => {
      const order = book.order(String(id));
      return order && { ...order, fields: { ...order.fields } };
    },
    orders: (filter) => book.list(filter),
    ordersForLink: (link) => book.countForLink(link),
    orderCount: () => book.count(),
    advance: (id, step) => ({ ...book.advance(String(id), step) }),
    advanceAll: (step) => book.advanceAll(step),
    setOrder: (id, patch) => ({ ...book.setOrder(String(id), patch) }),
    refills: () => book.listRefills(),
    setRefillStatus: (id, status) => void book.setRefillStatus(String(id), status),
    advanceRefills: () => book.advanceRefills(),
    setAutoAdvance,
    setReplyStyle: (style) => {
      ctx.replyStyle = style;
    },
    setRejectDuplicateLinks: (on) => {
      ctx.rejectDuplicateLinks = on;
    },
    fault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    pendingFaults: () => faults.pending(),
    callCount: (action) => (action === undefined ? calls.length : counts.get(action) ?? 0),
    calls: () => [...calls],
    reset() {
      book.clearOrders();
      faults.clear();
      calls = [];
      counts.clear();
    },
  };
  return sim;
}
