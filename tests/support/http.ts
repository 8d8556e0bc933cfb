// Raw HTTP helpers for limit tests: a server on 127.0.0.1 for some routes, and requests whose body
// is sent with or without a Content-Length (chunked), answering the status the client received.
import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";
import { createHttpServer, type Route } from "../../src/http/server.js";
import { createLogger } from "../../src/logger.js";

export async function serve(routes: Route[]): Promise<{ server: Server; url: string }> {
  const server = createHttpServer(routes, createLogger("silent"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  onTestFinished(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Sends `body` (in 64 KiB writes; `chunked` leaves out the Content-Length) and resolves with the
 * answer; rejects on a connection reset, which is what the limit tests must never see.
 */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer; chunked?: boolean } = {}): Promise<RawResponse> {
  const body = options.body ?? Buffer.alloc(0);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
    if (!options.chunked) headers["content-length"] = String(body.length);
    const req = request(url, { method: options.method ?? "POST", headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    let offset = 0;
    const writeMore = () => {
      while (offset < body.length) {
        const slice = body.subarray(offset, offset + 64 * 1024);
        offset += slice.length;
        if (!req.write(slice)) return void req.once("drain", writeMore);
      }
      req.end();
    };
    writeMore();
  });
}

/** A JSON body of about `bytes` bytes: a GraphQL request whose variables carry the padding. */
export function paddedGraphQLBody(bytes: number): Buffer {
  const head = '{"query":"{ __typename }","variables":{"pad":"';
  const tail = '"}}';
  return Buffer.concat([Buffer.from(head), Buffer.alloc(Math.max(0, bytes - head.length - tail.length), "a"), Buffer.from(tail)]);
}
