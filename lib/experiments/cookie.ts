import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { key } from "@/lib/auth/secret-box";

// The experiment cookie: which variant of which experiment a visitor was assigned, signed with
// HMAC-SHA256 under a key derived from AUTH_SECRET, so a visitor cannot pick a cheaper variant by
// editing it. `counted` is set once the visitor came back with the cookie (a browser that keeps
// cookies) and was recorded in the results: the proxy writes to the database once per visitor.

export const EXPERIMENT_COOKIE = "tg_exp";
export const EXPERIMENT_COOKIE_MAX_AGE = 90 * 24 * 3600;

export type ExperimentCookie = {
  experimentId: string;
  variantId: string;
  visitorId: string;
  counted: boolean;
};

const ID = /^[\w-]{1,40}$/;

const sign = (payload: string) =>
  createHmac("sha256", key("experiment-cookie")).update(payload).digest("base64url").slice(0, 32);

export const newVisitorId = () => randomBytes(16).toString("base64url");

export function signExperimentCookie(c: ExperimentCookie): string {
  const payload = [c.experimentId, c.variantId, c.visitorId, c.counted ? "1" : "0"].join(".");
  return `${payload}.${sign(payload)}`;
}

/** The cookie's assignment, or null when it is missing, malformed or not signed by this install. */
export function readExperimentCookie(value: string | null | undefined): ExperimentCookie | null {
  if (!value || value.length > 200) return null;
  const parts = value.split(".");
  if (parts.length !== 5) return null;
  const [experimentId, variantId, visitorId, counted, signature] = parts;
  if (![experimentId, variantId, visitorId].every((p) => ID.test(p)) || !/^[01]$/.test(counted)) return null;
  const expected = Buffer.from(sign(parts.slice(0, 4).join(".")));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { experimentId, variantId, visitorId, counted: counted === "1" };
}

export const experimentCookieOptions = {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: EXPERIMENT_COOKIE_MAX_AGE,
} as const;
