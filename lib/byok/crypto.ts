import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Provider keys (BYOK) are stored encrypted with AES-256-GCM: a random 12-byte IV per encryption,
// the 16-byte auth tag, and the version of the key that encrypted them. BYOK_ENCRYPTION_KEYS lists
// "v<N>:<base64 32 bytes>" keys: the highest version encrypts, every listed version decrypts, so a
// new key can be added, `npm run byok:rotate` run, and the old one removed later.
//
// Without BYOK_ENCRYPTION_KEYS, development and test runs use a local key derived from the session
// secret (AUTH_SECRET, or the .data/auth-secret file `npm run dev` generates) as version 0; it keeps
// decrypting there after real keys are configured. Production never derives a key.

export type Sealed = { ciphertext: string; iv: string; authTag: string; keyVersion: number };

export const LOCAL_KEY_VERSION = 0;

export class ByokNotConfiguredError extends AppError {
  constructor() {
    super(
      "byok_not_configured",
      "Provider keys cannot be stored: BYOK_ENCRYPTION_KEYS is not set on the server. Set it to v1:<output of `openssl rand -base64 32`> and restart.",
      503,
    );
  }
}

/** Parses "v1:<base64>,v2:<base64>" (already validated by lib/env.ts) into version → 32-byte key. */
export function parseKeyring(raw: string): Map<number, Buffer> {
  const keys = new Map<number, Buffer>();
  for (const part of raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^v(\d+):(.+)$/.exec(part);
    const key = m && Buffer.from(m[2], "base64");
    if (!m || !key || key.length !== 32)
      throw new Error("BYOK_ENCRYPTION_KEYS must be a comma-separated list like v1:<base64 of 32 bytes>.");
    keys.set(Number(m[1]), key);
  }
  return keys;
}

function localKey(): Buffer {
  const file = path.resolve(".data", "auth-secret");
  const secret =
    env.AUTH_SECRET ?? (existsSync(file) ? readFileSync(file, "utf8").trim() : "tollgate-development-byok");
  return createHash("sha256").update(`tollgate-byok-local-key:${secret}`).digest();
}

type Keyring = { keys: Map<number, Buffer>; current: number | null };
let cached: { raw: string | undefined; production: boolean; ring: Keyring } | null = null;

// Read per call (cheap once cached) so a changed env, e.g. in tests or after rotation, takes effect.
function keyring(): Keyring {
  const raw = env.BYOK_ENCRYPTION_KEYS;
  const production = env.NODE_ENV === "production";
  if (cached && cached.raw === raw && cached.production === production) return cached.ring;
  const keys = raw ? parseKeyring(raw) : new Map<number, Buffer>();
  const configured = [...keys.keys()];
  if (!production && !keys.has(LOCAL_KEY_VERSION)) keys.set(LOCAL_KEY_VERSION, localKey());
  const current = configured.length ? Math.max(...configured) : production ? null : LOCAL_KEY_VERSION;
  cached = { raw, production, ring: { keys, current } };
  return cached.ring;
}

/** The version new encryptions use; throws ByokNotConfiguredError in production without keys. */
export function currentKeyVersion(): number {
  const { current } = keyring();
  if (current === null) throw new ByokNotConfiguredError();
  return current;
}

/** Encrypts with the current key. `context` (workspace and provider) is bound as associated data. */
export function seal(plaintext: string, context: string): Sealed {
  const keyVersion = currentKeyVersion();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring().keys.get(keyVersion)!, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return {
    ciphertext: ciphertext.toString("base64"),
    iv: iv.toString("base64"),
    authTag: cipher.getAuthTag().toString("base64"),
    keyVersion,
  };
}

/** Decrypts with the key version the row names; throws if that version is not configured or the data was altered. */
export function unseal(sealed: Sealed, context: string): string {
  const key = keyring().keys.get(sealed.keyVersion);
  if (!key)
    throw new Error(
      `BYOK key version v${sealed.keyVersion} is not in BYOK_ENCRYPTION_KEYS; add it back to read this provider key.`,
    );
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv, "base64"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(sealed.authTag, "base64"));
  return Buffer.concat([
    decipher.update(Buffer.from(sealed.ciphertext, "base64")),
    decipher.final(),
  ]).toString("utf8");
}

/** Associated data for a provider key: a sealed key cannot be moved to another workspace or provider. */
export const keyContext = (workspaceId: string, provider: string) =>
  `provider-key:${workspaceId}:${provider}`;
