import {
  AccountKind,
  Language,
  LedgerKind,
  LinkKind,
  OrderSource,
  OrderStatus,
  PriceUnit,
  RefillStatus,
  Role,
  ServiceMode,
  TicketAuthor,
  TicketStatus,
  TicketType,
  TopUpMethod,
  TopUpStatus,
} from "@prisma/client";
import { ORDER_ACTIONS, type OrderAction } from "../src/orders/lifecycle/index.js";
import { builder } from "./builder.js";

export const OrderStatusEnum = builder.enumType(OrderStatus, { name: "OrderStatus", description: "Internal order status (admins only)." });
export const CustomerOrderStatusEnum = builder.enumType("CustomerOrderStatus", {
  description: "What customers and resellers see: FAILED and UNKNOWN look like PENDING.",
  values: ["PENDING", "IN_PROGRESS", "COMPLETED", "PARTIAL", "CANCELED"] as const,
});
export const RoleEnum = builder.enumType(Role, { name: "Role" });
export const LanguageEnum = builder.enumType(Language, { name: "Language" });
export const AccountKindEnum = builder.enumType(AccountKind, { name: "AccountKind" });
export const LedgerKindEnum = builder.enumType(LedgerKind, { name: "LedgerKind" });
export const ServiceModeEnum = builder.enumType(ServiceMode, { name: "ServiceMode" });
export const PriceUnitEnum = builder.enumType(PriceUnit, { name: "PriceUnit" });
export const LinkKindEnum = builder.enumType(LinkKind, { name: "LinkKind" });
export const OrderSourceEnum = builder.enumType(OrderSource, { name: "OrderSource" });
export const TopUpMethodEnum = builder.enumType(TopUpMethod, { name: "TopUpMethod" });
export const TopUpStatusEnum = builder.enumType(TopUpStatus, { name: "TopUpStatus" });
export const TicketTypeEnum = builder.enumType(TicketType, { name: "TicketType" });
export const TicketStatusEnum = builder.enumType(TicketStatus, { name: "TicketStatus" });
export const TicketAuthorEnum = builder.enumType(TicketAuthor, { name: "TicketAuthor" });
export const RefillStatusEnum = builder.enumType(RefillStatus, { name: "RefillStatus" });
export const OrderActionEnum = builder.enumType("OrderAction", {
  description: "What the viewer may do with an order now, from the order life cycle (one table for bot, API and dashboard).",
  values: ORDER_ACTIONS.map((a) => a.toUpperCase()) as Uppercase<(typeof ORDER_ACTIONS)[number]>[],
});
export const toEnum = (action: OrderAction) => action.toUpperCase() as Uppercase<OrderAction>;
export const SortDirectionEnum = builder.enumType("SortDirection", { values: ["ASC", "DESC"] as const });

export const ADMIN = { admin: true } as const;
/** Reads of one's own data through an API key. */
export const API_READER = { reseller: true, customer: true } as const;
/** Placing and changing orders through the API is a reseller feature. */
export const RESELLER = { reseller: true } as const;
