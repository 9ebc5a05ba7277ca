import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Every delivery carries `Tollgate-Signature: t=<unix seconds>,v1=<hex>`, where v1 is the
// HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's whole secret ("whsec_…", as UTF-8).
// The timestamp is signed too, so a captured request cannot be replayed later.

export const SIGNATURE_HEADER = "Tollgate-Signature";

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

/** Hex HMAC-SHA256 over `${timestamp}.${body}`. */
export function signWebhook(secret: string, timestamp: number, body: string) {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export const signatureHeader = (secret: string, timestamp: number, body: string) =>
  `t=${timestamp},v1=${signWebhook(secret, timestamp, body)}`;

/**
 * What a receiver does with the raw request body: parse the header, recompute the HMAC, compare
 * in constant time, and refuse timestamps further than `toleranceSeconds` from now.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  toleranceSeconds = 300,
  nowSeconds = Date.now() / 1000,
) {
  if (!header) return false;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && /^\d+$/.test(value ?? "")) timestamp = Number(value);
    if (key === "v1" && value) signatures.push(value);
  }
  if (timestamp === null || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body), "hex");
  return signatures.some((s) => {
    const given = Buffer.from(s, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
