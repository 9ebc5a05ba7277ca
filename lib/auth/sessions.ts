import "server-only";
import { db, type Tx, type User } from "@/lib/db";

// Server-side sessions. The JWT cookie only names a UserSession row; the row says whether the
// session still counts: not revoked, not expired, and issued at the user's current sessionVersion
// (a password change, a reset or "sign out everywhere" bumps the version and ends every session).
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export async function createSession(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return db.userSession.create({
    data: {
      userId,
      version: user.sessionVersion,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
}

/**
 * The user behind a session, in one query (every request that reads the session runs it); null
 * unless the session exists, is not revoked or expired, and carries the user's current version.
 */
export async function loadSession(
  sessionId: string,
): Promise<{ id: string; userId: string; user: User } | null> {
  const rows = await db.$queryRaw<User[]>`
    select u.* from "UserSession" s join "User" u on u."id" = s."userId"
    where s."id" = ${sessionId} and s."revokedAt" is null and s."expiresAt" > now() and s."version" = u."sessionVersion"`;
  const user = rows[0];
  return user ? { id: sessionId, userId: user.id, user } : null;
}

export async function revokeSession(sessionId: string) {
  await db.userSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/**
 * Ends every session of the user (bumps the version, revokes the rows). `keep` names a session to
 * carry over to the new version: the browser that changed its own password stays signed in.
 */
export async function endAllSessions(tx: Tx, userId: string, keep?: string) {
  const { sessionVersion } = await tx.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  await tx.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: new Date() },
  });
  if (keep)
    await tx.userSession.updateMany({
      where: { id: keep, userId, revokedAt: null },
      data: { version: sessionVersion },
    });
}

export async function signOutEverywhere(userId: string) {
  await db.$transaction((tx) => endAllSessions(tx, userId));
}
