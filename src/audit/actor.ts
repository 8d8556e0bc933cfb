/** Who performs an action: a user (customer, reseller or admin), or the system itself. */
export interface Actor {
  userId?: number;
  /** For display and the audit log: "telegram:123", "apikey:pb_ab12", "system", "job:sync". */
  label: string;
  isAdmin?: boolean;
}

export const SYSTEM: Actor = Object.freeze({ label: "system", isAdmin: true });
