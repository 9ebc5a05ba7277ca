import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { sendEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { EmailTakenError, isUniqueViolation } from "@/lib/errors";
import { createPersonalWorkspace } from "@/lib/workspaces/workspaces";
import { hashPassword, passwordSchema, verifyPassword } from "./password";
import { endAllSessions } from "./sessions";
import { consumeToken, issueToken } from "./tokens";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(254));

export const signUpSchema = z.object({
  name: z
    .string()
    .trim()
    .max(100, "Use at most 100 characters.")
    .nullish()
    .transform((v) => v || null),
  email: emailSchema,
  password: passwordSchema,
});

export const newReferralCode = () => randomBytes(6).toString("base64url");

/** Creates the user, their personal workspace and a verification email, all or nothing. */
export async function signUp(
  raw: z.input<typeof signUpSchema>,
  opts: { role?: "user" | "admin"; verified?: boolean; referralCode?: string } = {},
) {
  const input = signUpSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  const { user, token } = await db
    .$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email } })) throw new EmailTakenError();
      // An unknown referral code is ignored rather than refusing the sign-up.
      const referrer = opts.referralCode
        ? await tx.user.findUnique({ where: { referralCode: opts.referralCode }, select: { id: true } })
        : null;
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          role: opts.role ?? "user",
          referralCode: newReferralCode(),
          emailVerifiedAt: opts.verified ? new Date() : null,
          referredById: referrer?.id ?? null,
        },
      });
      await createPersonalWorkspace(tx, user);
      const token = opts.verified ? null : await issueToken(tx, user.id, "verify_email");
      return { user, token };
    })
    .catch((e: unknown) => {
      // Two sign-ups racing for one email: the unique index decides, the loser sees the same message.
      if (isUniqueViolation(e)) throw new EmailTakenError();
      throw e;
    });
  if (token) await sendVerificationEmail(user, token);
  return user;
}

/**
 * The public sign-up: answers the same whether or not the email has an account, so the form
 * cannot be used to find out who does. For an existing account, that address gets an email
 * saying someone tried (at most one an hour) instead of a second account.
 */
export async function registerAccount(
  raw: z.input<typeof signUpSchema>,
  opts: { referralCode?: string; onCreated?: (userId: string) => Promise<void> } = {},
) {
  try {
    const user = await signUp(raw, opts);
    await opts.onCreated?.(user.id);
  } catch (e) {
    if (!(e instanceof EmailTakenError)) throw e;
    const input = signUpSchema.parse(raw);
    const existing = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    const hour = new Date().toISOString().slice(0, 13);
    await sendEmail({
      template: "sign-up-attempt",
      to: existing.email,
      props: {
        name: existing.name,
        signInUrl: `${env.APP_URL}/sign-in`,
        resetUrl: `${env.APP_URL}/forgot-password`,
      },
      idempotencyKey: `sign-up-attempt:${existing.id}:${hour}`,
    });
  }
  return { email: signUpSchema.parse(raw).email };
}

async function sendVerificationEmail(
  user: { id: string; email: string; name: string | null },
  token: string,
) {
  await sendEmail({
    template: "verify-email",
    to: user.email,
    props: { name: user.name, verifyUrl: `${env.APP_URL}/verify-email?token=${token}` },
    idempotencyKey: `verify-email:${user.id}:${token.slice(0, 12)}`,
  });
}

/** `alsoInTx` runs in the transaction that issues the token (an admin's audit entry). */
export async function resendVerification(userId: string, alsoInTx?: (tx: Tx) => Promise<unknown>) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.emailVerifiedAt) return false;
  const token = await db.$transaction(async (tx) => {
    await alsoInTx?.(tx);
    return issueToken(tx, user.id, "verify_email");
  });
  await sendVerificationEmail(user, token);
  return true;
}

/** Follows a verification link: marks the email verified once and sends the welcome email. */
export async function verifyEmail(rawToken: string) {
  const user = await db.$transaction(async (tx) => {
    const userId = await consumeToken(tx, rawToken, "verify_email");
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (before.emailVerifiedAt) return { ...before, firstTime: false };
    const user = await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
    return { ...user, firstTime: true };
  });
  if (user.firstTime) {
    await sendEmail({
      template: "welcome",
      to: user.email,
      props: { name: user.name, dashboardUrl: `${env.APP_URL}/dashboard` },
      idempotencyKey: `welcome:${user.id}`,
    });
  }
  return user;
}

/** Always looks the same to the caller, so it cannot be used to find out who has an account. */
export async function requestPasswordReset(email: string) {
  const user = await db.user.findUnique({ where: { email } });
  if (!user) return;
  const token = await db.$transaction((tx) => issueToken(tx, user.id, "reset_password"));
  await sendEmail({
    template: "reset-password",
    to: user.email,
    props: { name: user.name, resetUrl: `${env.APP_URL}/reset-password?token=${token}` },
    idempotencyKey: `reset-password:${user.id}:${token.slice(0, 12)}`,
  });
}

/** Sets the new password from a reset link; ends every session and every other reset link. */
export async function resetPassword(rawToken: string, password: string) {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const userId = await consumeToken(tx, rawToken, "reset_password");
    // Following the emailed link proves the address, so it also counts as verification.
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    await endAllSessions(tx, userId);
    return tx.user.update({
      where: { id: userId },
      data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
    });
  });
}

/** Changes the password; every other session ends, the one that changed it (`keepSessionId`) stays. */
export async function changePassword(userId: string, current: string, next: string, keepSessionId?: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.passwordHash || !(await verifyPassword(current, user.passwordHash))) return false;
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endAllSessions(tx, userId, keepSessionId);
  });
  return true;
}
