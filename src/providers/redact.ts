/** "****abcd": enough to tell keys apart in an admin view, never enough to use one. */
export function maskKey(key: string): string {
  // Showing the last 4 of a very short key would give most of it away.
  return key.length >= 12 ? `****${key.slice(-4)}` : "****";
}

/**
 * Replaces every occurrence of the key (raw or URL-encoded) with its mask. Keys shorter than 8
 * characters are left alone: replacing every "1" in a reply would corrupt it, and no provider
 * issues keys that short.
 */
export function scrubSecret(text: string, key: string): string {
  if (key.length < 8) return text;
  let out = text;
  for (const form of new Set([key, encodeURIComponent(key)])) {
    if (form.length > 0) out = out.split(form).join(maskKey(key));
  }
  return out;
}
