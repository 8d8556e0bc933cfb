// The bot's context type, assembled once from its flavors.
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { Language, User } from "@prisma/client";
import type { Context, SessionFlavor } from "grammy";
import type { Actor } from "../audit/actor.js";
import type { CatalogueView } from "../catalogue/catalogue-cache.js";
import type { Deps } from "../deps.js";
import type { I18n, Translate } from "./i18n.js";

/** An order summary shown with Confirm/Cancel, waiting for the customer's tap. */
export interface PendingOrder {
  serviceId: number;
  link: string;
  quantity: number;
  /** The service kind's extras as the customer gave them (comments, usernames, answer number, …). */
  extra?: Record<string, string | number>;
  /** Summaries stored before `extra` existed kept custom comments here. */
  comments?: string;
  /** The charge shown, fixed to 4 decimals: Confirm places the order only at this price. */
  charge: string;
  createdAt: number;
  /** Set once Confirm placed it: later taps only say so. */
  orderId?: number;
}

/** An order being asked for (features/order-flow.ts): the answers given so far. */
export interface OrderDraft {
  serviceId: number;
  link?: string;
  /** The service kind's extras answered so far. */
  extra: Record<string, string | number>;
  /** Asked last, or set by an extra that lists one line per unit. */
  quantity?: number;
}

export interface SessionData {
  /** Keyed by the idempotency key carried in the Confirm button. */
  pending: Record<string, PendingOrder>;
  order?: OrderDraft;
}

export interface AppFlavor {
  deps: Deps;
  i18n: I18n;
  /** The sender as a shop user (created on first contact); undefined for updates without a sender. */
  user?: User;
  locale: Language;
  t: Translate;
  /** The sender's id is in ADMIN_IDS. */
  isAdmin: boolean;
  actor?: Actor;
  /** The sender's user row as the update's first statement read it (null: none yet; undefined: no sender). */
  knownUser?: User | null;
  /** The catalogue at the version the update's first statement read (cached in the process). */
  catalogue: CatalogueView;
  /** A stored conversation was written by another conversation version and was dropped. */
  conversationExpired?: boolean;
}

export type BaseContext = Context & SessionFlavor<SessionData> & AppFlavor;
export type BotContext = ConversationFlavor<BaseContext>;
/** Inside conversations: a plain context; texts come from the locale passed when entering. */
export type ConvContext = Context;
export type BotConversation = Conversation<BotContext, ConvContext>;
