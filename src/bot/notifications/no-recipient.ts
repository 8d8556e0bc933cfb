/** Nobody to send to (no admin chat or admins configured, a user without Telegram): retrying cannot help. */
export class NoRecipientError extends Error {
  override name = "NoRecipientError";
}
