/**
 * The platform of a service: which links it accepts, its name for customers and how it is guessed
 * at import from the provider's category and service name. "any" accepts every http(s) link;
 * "game" services take a player UID instead of a link.
 */
export interface Platform {
  key: string;
  label: string;
  /** Hosts a link may be on (subdomains included: m.facebook.com, vm.tiktok.com, www.…). */
  hosts: readonly string[];
  /** Words in a provider's category or service name that name this platform. */
  words: RegExp | null;
}

export const PLATFORMS: readonly Platform[] = [
  { key: "instagram", label: "Instagram", hosts: ["instagram.com", "instagr.am"], words: /\b(instagram|insta|ig)\b/i },
  { key: "facebook", label: "Facebook", hosts: ["facebook.com", "fb.com", "fb.watch", "fb.me", "fb.gg"], words: /\b(facebook|fb)\b/i },
  { key: "tiktok", label: "TikTok", hosts: ["tiktok.com"], words: /\btik ?tok\b/i },
  { key: "youtube", label: "YouTube", hosts: ["youtube.com", "youtu.be"], words: /\b(youtube|yt)\b/i },
  { key: "telegram", label: "Telegram", hosts: ["t.me", "telegram.me", "telegram.dog"], words: /\b(telegram|tg)\b/i },
  { key: "twitter", label: "X (Twitter)", hosts: ["twitter.com", "x.com"], words: /\b(twitter|tweets?|retweets?|x\.com)\b/i },
  { key: "threads", label: "Threads", hosts: ["threads.net", "threads.com"], words: /\bthreads\b/i },
  { key: "linkedin", label: "LinkedIn", hosts: ["linkedin.com", "lnkd.in"], words: /\blinked ?in\b/i },
  { key: "spotify", label: "Spotify", hosts: ["spotify.com", "spotify.link"], words: /\bspotify\b/i },
  { key: "game", label: "Game UID", hosts: [], words: /\b(free ?fire|pubg|diamonds?|top ?up|uc|mobile legends|player id|uid)\b/i },
  { key: "any", label: "any website", hosts: [], words: null },
];

const BY_KEY = new Map(PLATFORMS.map((p) => [p.key, p]));

export function platformOf(key: string): Platform | undefined {
  return BY_KEY.get(key);
}

/** The name customers read; an unknown key (e.g. a hand-made "freefire") is shown as typed. */
export function platformLabel(key: string): string {
  return BY_KEY.get(key)?.label ?? key;
}

/**
 * The platform named by the provider's category, else by the service name ("Instagram" category
 * with a "Followers" service is Instagram); "any" when neither names one.
 */
export function inferPlatform(category: string, name: string): string {
  for (const text of [category, name]) {
    const found = PLATFORMS.find((p) => p.words?.test(text));
    if (found) return found.key;
  }
  return "any";
}

/** Whether `hostname` (already lower case, as URL gives it) is on the platform; unknown platforms accept all. */
export function hostOnPlatform(hostname: string, key: string): boolean {
  const hosts = BY_KEY.get(key)?.hosts ?? [];
  if (hosts.length === 0) return true;
  const host = hostname.replace(/\.$/, "");
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}
