// node:http rather than fetch: we need to know whether a connection was ever established, because
// a failure before that point means the provider cannot have seen the request (safe to retry), and
// any failure after it leaves the outcome unknown.
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";

export type TransportResult =
  | { sent: false; error: string; latencyMs: number }
  | {
      sent: true;
      /** null when no response head arrived (timeout, reset). */
      httpStatus: number | null;
      body: string | null;
      /** Set when the exchange broke after the request was sent. */
      error: string | null;
      latencyMs: number;
    };

const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

export function postForm(url: URL, form: string, timeoutMs: number): Promise<TransportResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const tls = url.protocol === "https:";

  return new Promise((resolve) => {
    let connected = false;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let status: number | null = null;
    const chunks: Buffer[] = [];
    let size = 0;

    const settle = (result: TransportResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const fail = (error: string) =>
      settle(
        connected
          ? { sent: true, httpStatus: status, body: size > 0 ? Buffer.concat(chunks).toString("utf8") : null, error, latencyMs: elapsed() }
          : { sent: false, error, latencyMs: elapsed() },
      );

    let req: http.ClientRequest;
    try {
      req = (tls ? https : http).request(url, {
        method: "POST",
        // A fresh connection per call: a reused keep-alive socket can be dead on arrival, and then
        // we could not tell whether the provider read the request.
        agent: false,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(form),
          accept: "application/json",
          connection: "close",
          "user-agent": "panelbot",
        },
      });
    } catch (err) {
      settle({ sent: false, error: describe(err as Error), latencyMs: elapsed() });
      return;
    }

    timer = setTimeout(() => {
      fail(connected ? `timed out after ${timeoutMs} ms waiting for the reply` : `timed out after ${timeoutMs} ms connecting`);
      req.destroy();
    }, timeoutMs);

    req.on("socket", (socket: Socket) => {
      const markConnected = () => {
        connected = true;
      };
      if (tls) socket.once("secureConnect", markConnected);
      else if (socket.connecting) socket.once("connect", markConnected);
      else markConnected();
    });

    req.on("response", (res) => {
      status = res.statusCode ?? null;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          fail(`response larger than ${MAX_RESPONSE_BYTES} bytes`);
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () =>
        settle({ sent: true, httpStatus: status, body: Buffer.concat(chunks).toString("utf8"), error: null, latencyMs: elapsed() }),
      );
      res.on("aborted", () => fail("connection closed while reading the reply"));
      res.on("error", (err) => fail(describe(err)));
    });

    req.on("error", (err) => fail(describe(err)));
    req.end(form);
  });
}

function describe(err: Error & { code?: string }): string {
  const byCode: Record<string, string> = {
    ECONNREFUSED: "connection refused",
    ECONNRESET: "connection reset",
    ENOTFOUND: "host not found",
    EAI_AGAIN: "DNS lookup failed",
    ETIMEDOUT: "connection timed out",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
    EPIPE: "connection closed while sending",
  };
  const code = err.code ?? "";
  const tls = code === "EPROTO" || /^(ERR_SSL|ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(code);
  const text = byCode[code] ?? (tls ? "TLS handshake failed" : (err.message || "request failed").split("\n")[0]!);
  return code ? `${text} (${code})` : text;
}
