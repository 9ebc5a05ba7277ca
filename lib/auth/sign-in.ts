import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, RateLimitedError } from "@/lib/errors";
import { createPersonalWorkspace } from "@/lib/workspaces/workspaces";
import { emailSchema, newReferralCode } from "./accounts";
import { verifyPassword } from "./password";
import { clearRateLimit, hitRateLimit } from "./rate-limit";

const invalid = () => new AppError("invalid_credentials", "Wrong email or password.", 401);

function minutes(seconds: number) {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return `${m} minute${m === 1 ? "" : "s"}`;
}

/**
 * Checks an email and password, counting the attempt against the email and the client IP first
 * so that guessing is throttled whether or not the account exists.
 */
export async function signInWithPassword(rawEmail: string, password: string, ip: string) {
  const parsed = emailSchema.safeParse(rawEmail);
  if (!parsed.success || !password) throw invalid();
  const email = parsed.data;
  const window = env.SIGNIN_WINDOW_SECONDS;
  const [byEmail, byIp] = await Promise.all([
    hitRateLimit(`signin:email:${email}`, env.SIGNIN_MAX_ATTEMPTS_PER_EMAIL, window),
    hitRateLimit(`signin:ip:${ip}`, env.SIGNIN_MAX_ATTEMPTS_PER_IP, window),
  ]);
  if (!byEmail.allowed || !byIp.allowed) {
    const wait = Math.max(byEmail.allowed ? 0 : byEmail.retryAfterSeconds, byIp.allowed ? 0 : byIp.retryAfterSeconds);
    throw new RateLimitedError(wait, `Too many sign-in attempts. Try again in ${minutes(wait)}.`);
  }
  const user = await db.user.findUnique({ where: { email } });
  if (!user?.passwordHash || !(await verifyPassword(password, user.passwordHash))) throw invalid();
  await clearRateLimit(`signin:email:${email}`);
  return user;
}

/** GitHub/Google sign-in: link to the user with that verified email, or create one. */
export async function findOrCreateOAuthUser(input: { provider: string; providerAccountId: string; email: string; name: string | null }) {
  const email = emailSchema.parse(input.email);
  return db.$transaction(async (tx) => {
    const linked = await tx.oAuthAccount.findUnique({
      where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
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
    await tx.oAuthAccount.create({ data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId } });
    return user;
  });
}
