import "server-only";
import { creditsLabel } from "@/lib/catalog/money";
import { db, type Tx } from "@/lib/db";
import { getSettings } from "@/lib/settings/settings";
import { queueEmail, type SendEmailInput } from "@/lib/email/send";
import { env } from "@/lib/env";
import { changeBalance } from "./ledger";

/** The personal workspace a user's own rewards go to. */
async function personalWorkspaceId(tx: Tx, userId: string) {
  const m = await tx.membership.findFirst({
    where: { userId, role: "owner", workspace: { personal: true } },
    select: { workspaceId: true },
  });
  return m?.workspaceId ?? null;
}

const rewardEmail = (
  to: { email: string; name: string | null },
  millicredits: bigint,
  friend: string,
  idempotencyKey: string,
): SendEmailInput<"referral-reward"> => ({
  template: "referral-reward",
  to: to.email,
  idempotencyKey,
  props: {
    name: to.name,
    credits: creditsLabel(millicredits),
    friend,
    creditsUrl: `${env.APP_URL}/dashboard/credits`,
  },
});

/**
 * Pays a referral out once the referred user has verified and made a first payment: the referrer
 * and the new user each get credits (amounts from admin settings) and an email saying so. Runs in
 * the payment's transaction; the conditional update makes it happen once per referred user, whatever
 * the retries. Returns the outbox keys of the emails, for the caller to deliver after commit.
 */
export async function rewardReferral(
  tx: Tx,
  userId: string,
  paidWorkspaceId: string,
): Promise<(string | null)[]> {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (
    !user?.referredById ||
    !user.emailVerifiedAt ||
    user.referralRewardedAt ||
    user.referredById === user.id
  )
    return [];
  const claimed = await tx.user.updateMany({
    where: { id: userId, referralRewardedAt: null },
    data: { referralRewardedAt: new Date() },
  });
  if (claimed.count !== 1) return [];
  const settings = await getSettings();
  const referrer = await tx.user.findUnique({ where: { id: user.referredById } });
  const referrerWorkspace = referrer && (await personalWorkspaceId(tx, referrer.id));
  const keys: (string | null)[] = [];
  if (referrer && referrerWorkspace && settings.referralReferrerMillicredits > 0n) {
    await changeBalance(
      {
        workspaceId: referrerWorkspace,
        amountMillicredits: settings.referralReferrerMillicredits,
        kind: "referral",
        reference: `referral:referrer:${userId}`,
        reason: `Referral reward: ${user.email} joined`,
      },
      tx,
    );
    keys.push(
      await queueEmail(
        rewardEmail(
          referrer,
          settings.referralReferrerMillicredits,
          user.name ?? "a friend you invited",
          `referral-reward:referrer:${userId}`,
        ),
        tx,
      ),
    );
  }
  if (settings.referralNewUserMillicredits > 0n) {
    await changeBalance(
      {
        workspaceId: paidWorkspaceId,
        amountMillicredits: settings.referralNewUserMillicredits,
        kind: "referral",
        reference: `referral:welcome:${userId}`,
        reason: "Referral welcome bonus",
      },
      tx,
    );
    keys.push(
      await queueEmail(
        rewardEmail(
          user,
          settings.referralNewUserMillicredits,
          referrer?.name ?? "your friend",
          `referral-reward:new-user:${userId}`,
        ),
        tx,
      ),
    );
  }
  return keys;
}

export const referralLink = (code: string) => `${env.APP_URL}/sign-up?ref=${encodeURIComponent(code)}`;

/** What a referrer sees: who signed up with their link, who has paid (and earned them credits). */
export async function referralStats(userId: string, workspaceId: string) {
  const [signedUp, rewarded, earned] = await Promise.all([
    db.user.count({ where: { referredById: userId } }),
    db.user.count({ where: { referredById: userId, referralRewardedAt: { not: null } } }),
    db.ledgerEntry.aggregate({
      where: { workspaceId, kind: "referral", reference: { startsWith: "referral:referrer:" } },
      _sum: { amountMillicredits: true },
    }),
  ]);
  return { signedUp, rewarded, earnedMillicredits: earned._sum.amountMillicredits ?? 0n };
}
