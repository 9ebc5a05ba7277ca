import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/test/factories";
import { changePassword, requestPasswordReset, resetPassword } from "./accounts";
import { authOptions } from "./options";
import { createSession, loadSession, signOutEverywhere } from "./sessions";

const resetToken = async (email: string) => {
  const [mail] = await db.emailOutbox.findMany({
    where: { to: email, template: "reset-password" },
    orderBy: { createdAt: "desc" },
    take: 1,
  });
  return /reset-password\?token=([\w-]+)/.exec(mail.text)?.[1] ?? "";
};

describe("server-side sessions", () => {
  it("a new session loads its user; the sign-in callback names the session in the JWT", async () => {
    const user = await createUser();
    const token = await authOptions.callbacks!.jwt!({
      token: {},
      user: { id: user.id, email: user.email },
      account: null,
      trigger: "signIn",
    });
    expect(typeof token.sid).toBe("string");
    const loaded = await loadSession(token.sid as string);
    expect(loaded?.user).toEqual(await db.user.findUniqueOrThrow({ where: { id: user.id } })); // same types as a Prisma read
    expect(await loadSession("no-such-session")).toBeNull();
  });

  it("signing out revokes the session on the server (next-auth's signOut event)", async () => {
    const user = await createUser();
    const session = await createSession(user.id);
    await authOptions.events!.signOut!({ token: { sid: session.id }, session: undefined as never });
    expect(await loadSession(session.id)).toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull();
  });

  it("an expired session no longer counts", async () => {
    const user = await createUser();
    const session = await createSession(user.id);
    await db.userSession.update({
      where: { id: session.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await loadSession(session.id)).toBeNull();
  });

  it("changing the password ends every other session and keeps the one that changed it", async () => {
    const user = await createUser();
    const [here, elsewhere] = [await createSession(user.id), await createSession(user.id)];
    expect(await changePassword(user.id, "wrong current password", "a new long password", here.id)).toBe(
      false,
    );
    expect(await loadSession(elsewhere.id)).not.toBeNull();
    expect(await changePassword(user.id, user.password, "a new long password", here.id)).toBe(true);
    expect(await loadSession(elsewhere.id)).toBeNull();
    expect(await loadSession(here.id)).not.toBeNull();
    // A session whose row was never revoked but carries the old version is refused too.
    await db.userSession.update({ where: { id: elsewhere.id }, data: { revokedAt: null } });
    expect(await loadSession(elsewhere.id)).toBeNull();
  });

  it("a password reset ends every session", async () => {
    const user = await createUser({ verified: true });
    const sessions = [await createSession(user.id), await createSession(user.id)];
    await requestPasswordReset(user.email);
    await resetPassword(await resetToken(user.email), "a brand new password");
    for (const s of sessions) expect(await loadSession(s.id)).toBeNull();
    // Signing in afterwards works as usual.
    expect(await loadSession((await createSession(user.id)).id)).not.toBeNull();
  });

  it("sign out everywhere ends every session of that user only", async () => {
    const [user, other] = [await createUser(), await createUser()];
    const mine = [await createSession(user.id), await createSession(user.id)];
    const theirs = await createSession(other.id);
    await signOutEverywhere(user.id);
    for (const s of mine) expect(await loadSession(s.id)).toBeNull();
    expect(await loadSession(theirs.id)).not.toBeNull();
  });
});
