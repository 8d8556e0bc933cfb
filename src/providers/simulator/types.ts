export interface SimService {
  service: string | number;
  name: string;
  /** API v2 type: Default, Package, Custom Comments, Mentions with custom list, Poll. */
  type?: string;
  category?: string;
  /** Price per 1000 (per package for Package services), decimal. */
  rate: string | number;
  min: number;
  max: number;
  refill?: boolean;
  cancel?: boolean;
  dripfeed?: boolean;
  /** Inactive services are not listed, and `add` answers "neworder.error.service_inactive". */
  active?: boolean;
}

/** The statuses the simulator moves orders through; `setOrder` may set any other text. */
export type SimStatus = "Pending" | "In progress" | "Completed" | "Partial" | "Canceled";

export interface SimOrder {
  id: string;
  service: string;
  link: string;
  /** Total units (quantity × runs for drip-feed; number of comments for Custom Comments). */
  quantity: number;
  /** What the provider charges, decimal string; lowered by Partial and Canceled refunds. */
  charge: string;
  startCount: number;
  remains: number;
  /** The status text reported to clients. */
  status: string;
  cancelRequested: boolean;
  /** The `add` fields as received (no key). */
  fields: Record<string, string>;
  createdAt: Date;
}

export interface SimRefill {
  id: string;
  orderId: string;
  status: string;
}

/** One API request, as seen by fault rules and the call log (the key is never kept). */
export interface SimRequest {
  action: string;
  fields: Record<string, string>;
}

export interface SimCall extends SimRequest {
  at: Date;
  /** The fault applied to this call, if any. */
  fault: FaultSpec["kind"] | null;
}

/**
 * What goes wrong with one request. `commit: true` means the action is carried out (order created,
 * balance charged) before the fault hits the reply.
 */
export type FaultSpec =
  /** Wait, then answer normally. */
  | { kind: "latency"; ms: number }
  /** Carry out the action, then hold the reply for `holdMs` (default: until the simulator closes). */
  | { kind: "timeout_after_commit"; holdMs?: number }
  /** Hold the request without carrying it out, then drop the connection. */
  | { kind: "timeout_before_commit"; holdMs?: number }
  /** Destroy the socket without answering. */
  | { kind: "reset"; commit?: boolean }
  | { kind: "html_503"; commit?: boolean }
  | { kind: "html_502"; commit?: boolean }
  /** A Cloudflare-style challenge page. */
  | { kind: "html_403"; commit?: boolean }
  /** `{"error": text}` without carrying the action out; HTTP 200 unless `httpStatus` is given. */
  | { kind: "error"; text: string; httpStatus?: number }
  | { kind: "empty_body"; commit?: boolean }
  /** A reply cut in the middle. */
  | { kind: "broken_json"; commit?: boolean }
  /** Carry out the action and send every number in the reply as a string. */
  | { kind: "strings" }
  /** Carry out the action and send `fn(reply)` instead (capitalised keys, odd shapes, per-id errors…). */
  | { kind: "transform"; fn: (reply: unknown, request: SimRequest) => unknown }
  /** Send exactly this. */
  | { kind: "raw"; status?: number; body: string; contentType?: string; commit?: boolean };

export type FaultRule = FaultSpec & {
  /** Only requests with this action (or one of these); all actions when omitted. */
  action?: string | readonly string[];
  /** How many matching requests it applies to; default 1; Infinity for all. */
  times?: number;
  /** Extra condition on the request. */
  when?: (request: SimRequest) => boolean;
};

/** Decides per request; returning nothing lets the request through untouched. */
export type FaultFunction = (request: SimRequest) => FaultSpec | null | undefined;
