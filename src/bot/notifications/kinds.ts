import type { OutboxKind } from "../../outbox/kinds.js";

export type NotifyKind = Extract<OutboxKind, `notify-${string}`>;
