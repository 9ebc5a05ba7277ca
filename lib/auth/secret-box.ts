import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

// Small secrets kept at rest (the TOTP seed) are sealed with AES-256-GCM under a key derived from
// AUTH_SECRET with HKDF, one key per purpose. Not the BYOK keyring: two-factor must work on
// installs that never configured BYOK_ENCRYPTION_KEYS. Rotating AUTH_SECRET ends every session
// anyway; it also means re-enrolling two-factor.
function rootSecret() {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET must be set in production.");
  const file = path.resolve(".data", "auth-secret"); // what `npm run dev` generates
  return existsSync(file) ? readFileSync(file, "utf8").trim() : "tollgate-development-secret";
}

/** A 32-byte key for one purpose (sealing, signing), derived from AUTH_SECRET. */
export function key(purpose: string) {
  return Buffer.from(hkdfSync("sha256", rootSecret(), "tollgate-secret-box", purpose, 32));
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url parts. */
export function seal(purpose: string, plaintext: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function open(purpose: string, sealed: string) {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined)
    throw new Error("Unreadable sealed secret.");
  const decipher = createDecipheriv("aes-256-gcm", key(purpose), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
    "utf8",
  );
}
