import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, RateLimitedError } from "@/lib/errors";
import { createPersonalWorkspace } from "@/lib/workspaces/workspaces";
import { emailSchema, newReferralCode } from "./accounts";
import { hashPassword, verifyPassword } from "./password";
import { clearRateLimit, hitRateLimit, refundRateLimit } from "./rate-limit";
import { InvalidTwoFactorCodeError, verifySecondFactor } from "./two-factor";

const invalid = () => new AppError("invalid_credentials", "Wrong email or password.", 401);

/** What authorize() throws when the password was right and a second factor is needed; the form shows the code field. */
export const TWO_FACTOR_REQUIRED = "2fa_required";

function minutes(seconds: number) {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return `${m} minute${m === 1 ? "" : "s"}`;
}

// Compared against when there is no user (or no password), so an unknown email costs one bcrypt
// comparison like a known one and timing does not tell who has an account.
let dummyHash: Promise<string> | null = null;
const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString("hex")));

/**
 * Checks an email and password (and the second factor when the user enabled it), throttled twice:
 * per email *and client address* (a stranger's failures elsewhere never lock the owner out of
 * their own address) and per address across emails. The per-address counter keeps only failures:
 * a success takes its own attempt back.
 */
export async function signInWithPassword(rawEmail: string, password: string, ip: string, code?: string) {
  const parsed = emailSchema.safeParse(rawEmail);
  if (!parsed.success || !password) throw invalid();
  const email = parsed.data;
  const window = env.SIGNIN_WINDOW_SECONDS;
  const emailKey = `signin:email:${email}:ip:${ip}`;
  const ipKey = `signin:ip:${ip}`;
  const [byEmail, byIp] = await Promise.all([
    hitRateLimit(emailKey, env.SIGNIN_MAX_ATTEMPTS_PER_EMAIL, window),
    hitRateLimit(ipKey, env.SIGNIN_MAX_ATTEMPTS_PER_IP, window),
  ]);
  if (!byEmail.allowed || !byIp.allowed) {
    const wait = Math.max(
      byEmail.allowed ? 0 : byEmail.retryAfterSeconds,
      byIp.allowed ? 0 : byIp.retryAfterSeconds,
    );
    throw new RateLimitedError(wait, `Too many sign-in attempts. Try again in ${minutes(wait)}.`);
  }
  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user?.passwordHash || !passwordOk) throw invalid();
  if (user.totpEnabledAt) {
    if (!code?.trim()) throw new AppError(TWO_FACTOR_REQUIRED, TWO_FACTOR_REQUIRED, 401);
    if (!(await verifySecondFactor(user.id, code.trim()))) throw new InvalidTwoFactorCodeError();
  }
  await Promise.all([clearRateLimit(emailKey), refundRateLimit(ipKey, window)]);
  return user;
}

/** GitHub/Google sign-in: link to the user with that verified email, or create one. */
export async function findOrCreateOAuthUser(input: {
  provider: string;
  providerAccountId: string;
  email: string;
  name: string | null;
}) {
  const email = emailSchema.parse(input.email);
  return db.$transaction(async (tx) => {
    const linked = await tx.oAuthAccount.findUnique({
      where: {
        provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId },
      },
      include: { user: true },
    });
    if (linked) return linked.user;
    let user = await tx.user.findUnique({ where: { email } });
    if (!user) {
      user = await tx.user.create({
        data: { email, name: input.name, emailVerifiedAt: new Date(), referralCode: newReferralCode() },
      });
      await createPersonalWorkspace(tx, user);
    }
    await tx.oAuthAccount.create({
      data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId },
    });
    return user;
  });
}
