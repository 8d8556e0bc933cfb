/**
 * The API v2 service types, in one place: what the customer is asked, how the service is priced and
 * which fields `add` carries. Import, validation, pricing, forwarding and the bot all read this
 * table; none keeps its own list. Providers spell types freely ("Custom Comments Package",
 * "custom_comments_package", "Mentions  with Hashtags"), so names are matched leniently.
 */

/** What the customer gives besides the link, kept in `Order.extra` under these names. */
export type ExtraField = "comments" | "usernames" | "hashtags" | "username" | "hashtag" | "media" | "answerNumber";

/** The `add` form field for each extra (the API's own spelling). */
export const ADD_FIELD: Record<ExtraField, string> = {
  comments: "comments",
  usernames: "usernames",
  hashtags: "hashtags",
  username: "username",
  hashtag: "hashtag",
  media: "media",
  answerNumber: "answer_number",
};

/** Extras that are lists (one entry per line) rather than a single value. */
export const LIST_FIELDS: ReadonlySet<ExtraField> = new Set(["comments", "usernames", "hashtags"]);

export interface ServiceKind {
  /** The canonical API v2 type name. */
  name: string;
  /** Why we cannot forward this type (imported inactive, never orderable); null when we can. */
  unsupported: string | null;
  /**
   * Where the quantity comes from: asked; the number of lines of a list extra (one comment per
   * line); or one package.
   */
  quantity: "asked" | { linesOf: ExtraField } | "package";
  /** The extras the customer is asked for, in this order. */
  extras: readonly ExtraField[];
  /** Whether `add` carries `quantity`. */
  sendsQuantity: boolean;
  priceUnit: "PER_1000" | "PER_PACKAGE";
  /** Whether the drip-feed flag (runs + interval) can apply. */
  dripfeed: boolean;
}

const kind = (k: Omit<ServiceKind, "unsupported" | "dripfeed" | "priceUnit"> & Partial<ServiceKind>): ServiceKind => ({
  unsupported: null,
  dripfeed: false,
  priceUnit: "PER_1000",
  ...k,
});

const KINDS: Record<string, ServiceKind> = {
  default: kind({ name: "Default", quantity: "asked", extras: [], sendsQuantity: true, dripfeed: true }),
  package: kind({ name: "Package", quantity: "package", extras: [], sendsQuantity: false, priceUnit: "PER_PACKAGE" }),
  "custom comments": kind({ name: "Custom Comments", quantity: { linesOf: "comments" }, extras: ["comments"], sendsQuantity: false }),
  "custom comments package": kind({ name: "Custom Comments Package", quantity: "package", extras: ["comments"], sendsQuantity: false, priceUnit: "PER_PACKAGE" }),
  mentions: kind({ name: "Mentions", quantity: "asked", extras: ["usernames"], sendsQuantity: true }),
  "mentions with hashtags": kind({ name: "Mentions with Hashtags", quantity: "asked", extras: ["usernames", "hashtags"], sendsQuantity: true }),
  // The API needs only the usernames; quantity (their number) is sent too, for panels that want it.
  "mentions custom list": kind({ name: "Mentions Custom List", quantity: { linesOf: "usernames" }, extras: ["usernames"], sendsQuantity: true }),
  "mentions hashtag": kind({ name: "Mentions Hashtag", quantity: "asked", extras: ["hashtag"], sendsQuantity: true }),
  "mentions user followers": kind({ name: "Mentions User Followers", quantity: "asked", extras: ["username"], sendsQuantity: true }),
  "mentions media likes": kind({ name: "Mentions Media Likes", quantity: "asked", extras: ["media"], sendsQuantity: true }),
  "comment likes": kind({ name: "Comment Likes", quantity: "asked", extras: ["username"], sendsQuantity: true }),
  poll: kind({ name: "Poll", quantity: "asked", extras: ["answerNumber"], sendsQuantity: true }),
  subscriptions: kind({
    name: "Subscriptions",
    unsupported: "Subscriptions (auto-likes on future posts) need a username, post count and expiry, which the shop does not take",
    quantity: "asked",
    extras: [],
    sendsQuantity: true,
  }),
};

const ALIASES: Record<string, string> = {
  "": "default",
  "mentions with custom list": "mentions custom list",
  "mentions custom list": "mentions custom list",
  "mentions with hashtag": "mentions hashtag",
  "mentions with hashtags": "mentions with hashtags",
  "custom comment": "custom comments",
  "custom comments packages": "custom comments package",
  "comments likes": "comment likes",
  subscription: "subscriptions",
  polls: "poll",
};

/** Lower case, `_`/`-` as spaces, single spaces: "Custom_Comments  PACKAGE" → "custom comments package". */
export function normaliseType(type: string | null | undefined): string {
  return (type ?? "").toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
}

/** The kind of an API v2 type string; an unknown type is a kind we cannot forward. */
export function serviceKind(type: string | null | undefined): ServiceKind {
  const key = normaliseType(type);
  const known = KINDS[ALIASES[key] ?? key];
  if (known) return known;
  return kind({ name: (type ?? "").trim(), unsupported: `Unknown service type "${(type ?? "").trim().slice(0, 60)}"`, quantity: "asked", extras: [], sendsQuantity: true });
}

/** The list extra whose number of lines is the quantity (Custom Comments: one comment per unit), if any. */
export function quantityLines(kind: ServiceKind): ExtraField | null {
  return typeof kind.quantity === "object" ? kind.quantity.linesOf : null;
}
