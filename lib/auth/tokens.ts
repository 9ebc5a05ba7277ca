import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { AuthTokenKind } from "@/lib/db";
import { db, type Tx } from "@/lib/db";
import { InvalidTokenError } from "@/lib/errors";

const lifetimes: Record<AuthTokenKind, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
};

export const hashToken = (raw: string) => createHash("sha256").update(raw).digest("hex");

/** A fresh single-use token; only its hash is stored, the raw value goes into the email link. */
export async function issueToken(tx: Tx, userId: string, kind: AuthTokenKind) {
  const raw = randomBytes(32).toString("base64url");
  await tx.authToken.create({
    data: { userId, kind, tokenHash: hashToken(raw), expiresAt: new Date(Date.now() + lifetimes[kind]) },
  });
  return raw;
}

/**
 * Marks the token used and returns its user id. The conditional update makes two concurrent
 * uses of one link succeed at most once.
 */
export async function consumeToken(tx: Tx, raw: string, kind: AuthTokenKind) {
  const token = await tx.authToken.findUnique({ where: { tokenHash: hashToken(raw) } });
  const label = kind === "verify_email" ? "verification" : "password reset";
  if (!token || token.kind !== kind) throw new InvalidTokenError(label);
  const used = await tx.authToken.updateMany({
    where: { id: token.id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (used.count !== 1) throw new InvalidTokenError(label);
  // Using one link retires every other unused link of the same kind (an older reset email).
  await tx.authToken.updateMany({
    where: { userId: token.userId, kind, usedAt: null, id: { not: token.id } },
    data: { usedAt: new Date() },
  });
  return token.userId;
}

export async function tokenIsUsable(raw: string, kind: AuthTokenKind) {
  const token = await db.authToken.findUnique({ where: { tokenHash: hashToken(raw) } });
  return Boolean(token && token.kind === kind && !token.usedAt && token.expiresAt > new Date());
}
