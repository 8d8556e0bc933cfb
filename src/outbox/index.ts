export { enqueue, isPending } from "./enqueue.js";
export { claimOutbox, completeOutbox, retryOutbox, type ClaimedItem, type OutboxScope } from "./claim.js";
export { DEDUPE_KEYS, OUTBOX_KINDS, dedupeKeyOf, joinKey, sqlKey, type OutboxKind, type OutboxPayloads } from "./kinds.js";
