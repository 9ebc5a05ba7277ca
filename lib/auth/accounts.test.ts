import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, uniqueEmail } from "@/test/factories";
import {
  registerAccount,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signUp,
  verifyEmail,
} from "./accounts";
import { verifyPassword } from "./password";
import { hashToken } from "./tokens";

const linkToken = (text: string, path: string) =>
  new RegExp(`${path}\\?token=([\\w-]+)`).exec(text)?.[1] ?? "";

async function outboxFor(email: string, template: string) {
  return db.emailOutbox.findMany({ where: { to: email, template }, orderBy: { createdAt: "asc" } });
}

describe("sign-up", () => {
  it("creates the user, an owned personal workspace and a verification email", async () => {
    const email = uniqueEmail();
    const user = await signUp({ email: email.toUpperCase(), password: "a long password", name: "Ada" });
    expect(user.email).toBe(email);
    expect(user.emailVerifiedAt).toBeNull();
    expect(await verifyPassword("a long password", user.passwordHash!)).toBe(true);
    const memberships = await db.membership.findMany({
      where: { userId: user.id },
      include: { workspace: true },
    });
    expect(memberships).toHaveLength(1);
    expect(memberships[0]).toMatchObject({ role: "owner", workspace: { personal: true } });
    const [mail] = await outboxFor(email, "verify-email");
    expect(mail.status).toBe("queued");
    expect(mail.text).toMatch(/\/verify-email\?token=/);
  });

  it("refuses a second account for the same email, whatever its case, even when raced", async () => {
    const email = uniqueEmail();
    const results = await Promise.allSettled(
      [email, email.toUpperCase(), email].map((e) =>
        signUp({ email: e, password: "a long password", name: null }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason.message).toMatch(/already exists/);
    }
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.workspace.count({ where: { memberships: { some: { user: { email } } } } })).toBe(1);
  });
});

describe("email verification", () => {
  it("verifies once, sends one welcome email, and rejects reuse of the link", async () => {
    const email = uniqueEmail();
    await signUp({ email, password: "a long password", name: null });
    const token = linkToken((await outboxFor(email, "verify-email"))[0].text, "verify-email");
    const results = await Promise.allSettled([verifyEmail(token), verifyEmail(token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();
    expect(await outboxFor(email, "welcome")).toHaveLength(1);
    await expect(verifyEmail(token)).rejects.toThrow(/invalid or has expired/);
  });

  it("rejects an expired or unknown link and leaves the user unverified", async () => {
    const email = uniqueEmail();
    const user = await signUp({ email, password: "a long password", name: null });
    const token = linkToken((await outboxFor(email, "verify-email"))[0].text, "verify-email");
    await db.authToken.update({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(verifyEmail(token)).rejects.toThrow(/invalid or has expired/);
    await expect(verifyEmail("not-a-token")).rejects.toThrow(/invalid or has expired/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull();
  });
});

describe("password reset", () => {
  it("sends nothing for an unknown address", async () => {
    const email = uniqueEmail();
    await requestPasswordReset(email);
    expect(await outboxFor(email, "reset-password")).toHaveLength(0);
  });

  it("changes the password with the emailed link, once", async () => {
    const user = await createUser({ verified: true });
    await requestPasswordReset(user.email);
    const [mail] = await outboxFor(user.email, "reset-password");
    const token = linkToken(mail.text, "reset-password");
    await resetPassword(token, "a brand new password");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("a brand new password", after.passwordHash!)).toBe(true);
    expect(await verifyPassword(user.password, after.passwordHash!)).toBe(false);
    await expect(resetPassword(token, "another new password")).rejects.toThrow(/invalid or has expired/);
  });
});

describe("one link retires the others", () => {
  it("using one reset link invalidates every other unused reset link of that user", async () => {
    const user = await createUser({ verified: true });
    await requestPasswordReset(user.email);
    await requestPasswordReset(user.email);
    const [older, newer] = (await outboxFor(user.email, "reset-password")).map((m) =>
      linkToken(m.text, "reset-password"),
    );
    expect(older).not.toBe(newer);
    await resetPassword(newer, "a brand new password");
    await expect(resetPassword(older, "an attacker's password")).rejects.toThrow(/invalid or has expired/);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("a brand new password", after.passwordHash!)).toBe(true);
  });

  it("using one verification link invalidates the other unused ones", async () => {
    const email = uniqueEmail();
    const user = await signUp({ email, password: "a long password", name: null });
    await resendVerification(user.id);
    const [first, second] = (await outboxFor(email, "verify-email")).map((m) =>
      linkToken(m.text, "verify-email"),
    );
    await verifyEmail(second);
    await expect(verifyEmail(first)).rejects.toThrow(/invalid or has expired/);
  });
});

describe("sign-up does not reveal who has an account", () => {
  it("answers the same for a new and an existing email; the existing owner is told someone tried", async () => {
    const existing = await createUser({ verified: true });
    const fresh = uniqueEmail();
    const a = await registerAccount({ email: fresh, password: "a long password", name: null });
    const b = await registerAccount({
      email: existing.email.toUpperCase(),
      password: "a long password",
      name: null,
    });
    expect(a).toEqual({ email: fresh });
    expect(b).toEqual({ email: existing.email });
    // No second account, the password is untouched, and the owner got the notice (once an hour).
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
    const after = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(await verifyPassword(existing.password, after.passwordHash!)).toBe(true);
    await registerAccount({ email: existing.email, password: "another long password", name: null });
    const notices = await outboxFor(existing.email, "sign-up-attempt");
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toMatch(/already has an account/);
    expect(notices[0].text).not.toMatch(/token=/);
    expect(await outboxFor(fresh, "verify-email")).toHaveLength(1);
  });
});
