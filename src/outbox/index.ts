export { enqueue, isPending } from "./enqueue.js";
export { claimOutbox, completeOutbox, retryOutbox, type ClaimedItem, type OutboxScope } from "./claim.js";
export { OUTBOX_KINDS, dedupeKeyOf, type OutboxKind, type OutboxPayloads } from "./kinds.js";
