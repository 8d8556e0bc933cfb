import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/** AES-256-GCM for secrets at rest (provider API keys). Output: base64 "iv.tag.ciphertext". */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function createSecretBox(secretKey: string): SecretBox {
  const key = createHash("sha256").update(`panelbot:secret-box:${secretKey}`).digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64")).join(".");
    },
    open(sealed) {
      const [iv, tag, data] = sealed.split(".").map((p) => Buffer.from(p, "base64"));
      if (!iv || !tag || !data) throw new Error("Sealed secret is malformed");
      const decipher = createDecipheriv("aes-256-gcm", key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
    },
  };
}

/** The last 4 characters, for display: "****abcd". */
export function maskSecret(secret: string): string {
  return `****${secret.slice(-4)}`;
}
