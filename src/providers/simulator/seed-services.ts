import type { SimService } from "./types.js";

/** A small catalogue covering every `add` type the client supports. */
export const SEED_SERVICES: readonly SimService[] = [
  { service: 1, name: "Instagram Followers [Refill 30d]", type: "Default", category: "Instagram", rate: "0.90", min: 10, max: 100000, refill: true, cancel: true, dripfeed: true },
  { service: 2, name: "Instagram Likes", type: "Default", category: "Instagram", rate: "0.25", min: 10, max: 50000, cancel: true },
  { service: 3, name: "YouTube Views", type: "Default", category: "YouTube", rate: "1.20", min: 100, max: 1000000, refill: true },
  { service: 4, name: "Instagram Custom Comments", type: "Custom Comments", category: "Instagram", rate: "12.00", min: 1, max: 1000 },
  { service: 5, name: "Instagram Mentions (custom list)", type: "Mentions with custom list", category: "Instagram", rate: "4.50", min: 10, max: 10000 },
  { service: 6, name: "Telegram Poll Votes", type: "Poll", category: "Telegram", rate: "0.80", min: 10, max: 100000 },
  { service: 7, name: "TikTok Followers 1000 (package)", type: "Package", category: "TikTok", rate: "2.50", min: 1, max: 1 },
  { service: 9, name: "Instagram Custom Comments Package [10 comments]", type: "Custom Comments Package", category: "Instagram", rate: "3.00", min: 1, max: 1 },
  { service: 10, name: "Instagram Mentions [User Followers]", type: "Mentions User Followers", category: "Instagram", rate: "5.00", min: 100, max: 10000 },
  { service: 11, name: "Instagram Auto Likes [Subscription]", type: "Subscriptions", category: "Instagram", rate: "0.50", min: 50, max: 5000 },
  { service: 8, name: "Twitter Retweets (discontinued)", type: "Default", category: "Twitter", rate: "1.00", min: 10, max: 1000, active: false },
];
