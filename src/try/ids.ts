// Simulated users and chats live in a range Telegram never hands out: Telegram ids have at most 52
// significant bits and today's are below 2^40, so the top of the 52-bit range is ours. Private chats
// and users are positive; the simulated group is the negative of an id in the same range.
export const SIMULATED_ID_BASE = 4_503_000_000_000_000;
const SIMULATED_ID_LIMIT = 4_503_599_627_370_495; // 2^52 - 1

export function isSimulatedId(id: number | bigint | string | undefined | null): boolean {
  if (id === undefined || id === null || id === "") return false;
  const n = typeof id === "number" ? Math.abs(id) : Math.abs(Number(id));
  return Number.isSafeInteger(n) && n >= SIMULATED_ID_BASE && n <= SIMULATED_ID_LIMIT;
}

export interface Persona {
  /** The simulated user's Telegram id (its private chat has the same id). */
  id: number;
  firstName: string;
  username: string;
}

/** The simulated customers the page offers (fixed ids: the same people across restarts). */
export const PERSONAS: readonly Persona[] = [
  { id: SIMULATED_ID_BASE + 1, firstName: "Rahim", username: "try_rahim" },
  { id: SIMULATED_ID_BASE + 2, firstName: "Nusrat", username: "try_nusrat" },
  { id: SIMULATED_ID_BASE + 3, firstName: "Karim", username: "try_karim" },
];

/** The simulated reseller group (registered at start) for `.N` quick orders. */
export const SIMULATED_GROUP = { id: -(SIMULATED_ID_BASE + 100), title: "Diamond resellers (simulated)" } as const;
