import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { key } from "@/lib/auth/secret-box";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

// Customer session tokens (SPEC §8.4): the company's backend mints one per signed-in user of its
// app (POST /api/v1/admin/workspaces/{id}/sessions) and hands it to the browser, which reads the
// workspace's balance, quota, models and entitlements without the secret key. Read-only by
// construction: only the routes wrapped with { sessionTokens: true } accept one.
//
// A token may name one member of the workspace (memberId, their user id): /me then also shows that
// member's own monthly spend cap in the team, for an app that shows each user what they may spend.
// The member must still belong to the workspace when the token is used (authentication checks).
//
// "tgs_<payload>.<signature>", both base64url: the payload is {w: workspace id, e: expiry in Unix
// milliseconds, m: member's user id when scoped}; the signature is HMAC-SHA256 under a key derived from AUTH_SECRET (purpose
// "session-token"). Verifying costs one HMAC, no query; expiry is exact to the millisecond.
// Nothing is stored, so a token cannot be revoked one by one: it lives at most an hour, a
// suspended workspace's tokens are refused at once (authentication reads the workspace), and
// rotating AUTH_SECRET ends every token.

export const SESSION_TOKEN_PREFIX = "tgs_";
export const MAX_SESSION_SECONDS = 3600;

export const sessionRequestSchema = z
  .object({
    ttlSeconds: z.number().int().min(60).max(MAX_SESSION_SECONDS).default(MAX_SESSION_SECONDS),
    memberId: z.string().min(1).max(64).optional(),
  })
  .strict();

const sign = (payload: string) => createHmac("sha256", key("session-token")).update(payload).digest();

export function signSessionToken(workspaceId: string, expiresAt: Date, memberId: string | null = null) {
  const claims = { w: workspaceId, e: expiresAt.getTime(), ...(memberId ? { m: memberId } : {}) };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${SESSION_TOKEN_PREFIX}${payload}.${sign(payload).toString("base64url")}`;
}

/** The token's workspace, expiry and member (null: the whole workspace), or null when it is malformed, forged or expired. */
export function verifySessionToken(token: string, now = new Date()) {
  const m = /^tgs_([A-Za-z0-9_-]{1,512})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const given = Buffer.from(m[2], "base64url");
  const expected = sign(m[1]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: { w?: unknown; e?: unknown; m?: unknown };
  try {
    claims = JSON.parse(Buffer.from(m[1], "base64url").toString("utf8")) as typeof claims;
  } catch {
    return null;
  }
  if (typeof claims.w !== "string" || typeof claims.e !== "number") return null;
  if (claims.e <= now.getTime()) return null;
  if (claims.m !== undefined && typeof claims.m !== "string") return null;
  return { workspaceId: claims.w, expiresAt: new Date(claims.e), memberId: claims.m ?? null };
}

/** Mints a token for an existing workspace (404 otherwise), scoped to one of its members if asked (404 when not one). */
export async function mintSessionToken(workspaceId: string, input: z.infer<typeof sessionRequestSchema>) {
  const found = await db.workspace.findUnique({ where: { id: workspaceId }, select: { id: true } });
  if (!found) throw new NotFoundError("Workspace");
  const memberId = input.memberId ?? null;
  if (memberId) {
    const member = await db.membership.findUnique({
      where: { userId_workspaceId: { userId: memberId, workspaceId } },
      select: { id: true },
    });
    if (!member) throw new NotFoundError("Member of this workspace");
  }
  const expiresAt = new Date(Date.now() + input.ttlSeconds * 1000);
  return {
    token: signSessionToken(workspaceId, expiresAt, memberId),
    expiresAt: expiresAt.toISOString(),
    workspaceId,
    memberId,
  };
}
