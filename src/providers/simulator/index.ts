export { startProviderSimulator, type ProviderSimulator, type SimulatorOptions } from "./server.js";
export { closedPortUrl } from "./closed-port.js";
export { SEED_SERVICES } from "./seed-services.js";
export type { AdvanceStep, OrderPatch } from "./order-book.js";
export type { ReplyStyle } from "./api-actions.js";
export type { FaultFunction, FaultRule, FaultSpec, SimCall, SimOrder, SimRefill, SimRequest, SimService, SimStatus } from "./types.js";
