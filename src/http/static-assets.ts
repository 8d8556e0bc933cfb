import { readFileSync } from "node:fs";

/** Headers for our own pages (dashboard, try page): our scripts and styles only, never framed. */
export const PAGE_SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

/** Reads files of a static folder once and keeps them in memory. */
export function staticFolder(folder: URL): (name: string) => Buffer {
  const files = new Map<string, Buffer>();
  return (name) => {
    let body = files.get(name);
    if (!body) {
      body = readFileSync(new URL(name, folder));
      files.set(name, body);
    }
    return body;
  };
}
