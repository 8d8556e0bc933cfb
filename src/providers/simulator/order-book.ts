import { Decimal } from "decimal.js";
import type { SimOrder, SimRefill, SimService, SimStatus } from "./types.js";

const FINAL = new Set(["Completed", "Partial", "Canceled"]);

export interface AdvanceStep {
  /** Default: the next natural step (Pending → In progress → Completed; → Canceled after a cancel request). */
  to?: SimStatus;
  /** For Partial: units not delivered (default half the quantity). */
  remains?: number;
}

export interface OrderPatch {
  status?: string;
  startCount?: number;
  remains?: number;
  charge?: string | number;
}

/** The simulator's provider account: services, balance, orders and refills, all in memory. */
export class OrderBook {
  balance: Decimal;
  readonly currency: string;
  private services = new Map<string, SimService>();
  private orders = new Map<string, SimOrder>();
  private byLink = new Map<string, SimOrder[]>();
  private active = new Set<SimOrder>();
  private refills = new Map<string, SimRefill>();
  private nextOrderId: number;
  private nextRefillId = 1;
  private readonly firstOrderId: number;

  constructor(init: { balance: string | number; currency: string; services: readonly SimService[]; firstOrderId: number }) {
    this.balance = new Decimal(init.balance);
    this.currency = init.currency;
    this.firstOrderId = init.firstOrderId;
    this.nextOrderId = init.firstOrderId;
    this.setServices(init.services);
  }

  setServices(list: readonly SimService[]): void {
    this.services = new Map(list.map((s) => [String(s.service), { ...s }]));
  }

  listServices(): SimService[] {
    return [...this.services.values()].map((s) => ({ ...s }));
  }

  service(id: string): SimService | undefined {
    return this.services.get(id);
  }

  place(input: { service: string; link: string; quantity: number; charge: Decimal; fields: Record<string, string> }): SimOrder {
    const order: SimOrder = {
      id: String(this.nextOrderId++),
      service: input.service,
      link: input.link,
      quantity: input.quantity,
      charge: input.charge.toFixed(),
      startCount: 0,
      remains: input.quantity,
      status: "Pending",
      cancelRequested: false,
      fields: { ...input.fields },
      createdAt: new Date(),
    };
    this.balance = this.balance.minus(input.charge);
    this.orders.set(order.id, order);
    this.active.add(order);
    const forLink = this.byLink.get(order.link);
    if (forLink) forLink.push(order);
    else this.byLink.set(order.link, [order]);
    return order;
  }

  order(id: string): SimOrder | undefined {
    return this.orders.get(id);
  }

  list(filter: { link?: string } = {}): SimOrder[] {
    const orders = filter.link === undefined ? [...this.orders.values()] : this.byLink.get(filter.link) ?? [];
    return orders.map((o) => ({ ...o, fields: { ...o.fields } }));
  }

  countForLink(link: string): number {
    return this.byLink.get(link)?.length ?? 0;
  }

  count(): number {
    return this.orders.size;
  }

  hasActiveOrderForLink(link: string): boolean {
    return (this.byLink.get(link) ?? []).some((o) => this.active.has(o));
  }

  isActive(order: SimOrder): boolean {
    return this.active.has(order);
  }

  advance(id: string, step: AdvanceStep = {}): SimOrder {
    const order = this.mustGet(id);
    if (!this.active.has(order)) return order;
    const to = step.to ?? (order.cancelRequested ? "Canceled" : order.status === "Pending" ? "In progress" : "Completed");
    switch (to) {
      case "Pending":
        break;
      case "In progress":
        if (order.startCount === 0) order.startCount = 1000 + ((Number(order.id) * 37) % 9000);
        break;
      case "Completed":
        order.remains = 0;
        break;
      case "Partial": {
        const remains = Math.min(order.quantity, Math.max(0, step.remains ?? Math.floor(order.quantity / 2)));
        this.refund(order, new Decimal(order.charge).times(remains).dividedBy(order.quantity));
        order.remains = remains;
        break;
      }
      case "Canceled":
        this.refund(order, new Decimal(order.charge));
        order.remains = order.quantity;
        break;
    }
    this.setStatus(order, to);
    return order;
  }

  /** Moves every active order one step (or to `step.to`). Returns how many moved. */
  advanceAll(step: AdvanceStep = {}): number {
    const moving = [...this.active];
    for (const order of moving) this.advance(order.id, step);
    return moving.length;
  }

  setOrder(id: string, patch: OrderPatch): SimOrder {
    const order = this.mustGet(id);
    if (patch.startCount !== undefined) order.startCount = patch.startCount;
    if (patch.remains !== undefined) order.remains = patch.remains;
    if (patch.charge !== undefined) order.charge = new Decimal(patch.charge).toFixed();
    if (patch.status !== undefined) this.setStatus(order, patch.status);
    return order;
  }

  requestCancel(order: SimOrder): void {
    order.cancelRequested = true;
  }

  createRefill(order: SimOrder): SimRefill {
    const refill: SimRefill = { id: String(this.nextRefillId++), orderId: order.id, status: "Pending" };
    this.refills.set(refill.id, refill);
    return refill;
  }

  refill(id: string): SimRefill | undefined {
    return this.refills.get(id);
  }

  listRefills(): SimRefill[] {
    return [...this.refills.values()].map((r) => ({ ...r }));
  }

  setRefillStatus(id: string, status: string): SimRefill {
    const refill = this.refills.get(id);
    if (!refill) throw new Error(`no refill ${id}`);
    refill.status = status;
    return refill;
  }

  /** Pending → In progress → Completed for every unfinished refill. */
  advanceRefills(): void {
    for (const refill of this.refills.values()) {
      if (refill.status === "Pending") refill.status = "In progress";
      else if (refill.status === "In progress") refill.status = "Completed";
    }
  }

  clearOrders(): void {
    this.orders.clear();
    this.byLink.clear();
    this.active.clear();
    this.refills.clear();
    this.nextOrderId = this.firstOrderId;
    this.nextRefillId = 1;
  }

  private setStatus(order: SimOrder, status: string): void {
    order.status = status;
    if (FINAL.has(status)) this.active.delete(order);
    else this.active.add(order);
  }

  private refund(order: SimOrder, amount: Decimal): void {
    this.balance = this.balance.plus(amount);
    order.charge = new Decimal(order.charge).minus(amount).toFixed();
  }

  private mustGet(id: string): SimOrder {
    const order = this.orders.get(String(id));
    if (!order) throw new Error(`no order ${id}`);
    return order;
  }
}
