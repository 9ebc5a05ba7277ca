import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import { db } from "@/lib/db";
import { startCreditPackCheckout } from "@/lib/payments/checkout";
import { cardSchema, payLocalCheckout } from "@/lib/payments/local";
import { createUser, uniqueEmail, startingCredits } from "@/test/factories";

const card = (checkoutId: string) =>
  cardSchema.parse({ checkoutId, cardNumber: "4242424242424242", expiry: "12/40", cvc: "123" });
const personal = async (userId: string) =>
  (await db.membership.findFirstOrThrow({ where: { userId, role: "owner" } })).workspaceId;
const balance = async (workspaceId: string) =>
  (await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).balanceMillicredits;

describe("referrals", () => {
  it("pay the referrer 5,000 and the new user 1,000 credits on the new user's first payment, once", async () => {
    const referrer = await createUser({ verified: true });
    const friend = await signUp(
      { email: uniqueEmail("friend"), password: "a long password", name: null },
      { verified: true, referralCode: referrer.referralCode },
    );
    expect(friend.referredById).toBe(referrer.id);
    const [referrerWs, friendWs] = await Promise.all([personal(referrer.id), personal(friend.id)]);

    for (const pack of ["credits-10k", "credits-10k"]) {
      const { url } = await startCreditPackCheckout({ user: friend, workspaceId: friendWs }, pack);
      await payLocalCheckout(friend.id, card(url.split("/").pop()!));
    }
    const start = await startingCredits();
    expect(await balance(referrerWs)).toBe(start + 5_000_000n);
    expect(await balance(friendWs)).toBe(start + 2n * 10_000_000n + 1_000_000n);
    expect(
      await db.ledgerEntry.count({ where: { kind: "referral", reference: { endsWith: friend.id } } }),
    ).toBe(2);
    // One email each, although the friend paid twice.
    const toReferrer = await db.emailOutbox.findMany({
      where: { to: referrer.email, template: "referral-reward" },
    });
    expect(toReferrer).toHaveLength(1);
    expect(toReferrer[0]).toMatchObject({
      subject: "You earned 5,000 credits for a referral",
      idempotencyKey: `referral-reward:referrer:${friend.id}`,
    });
    expect(toReferrer[0].text).toContain("a friend you invited joined with your referral link");
    const toFriend = await db.emailOutbox.findMany({
      where: { to: friend.email, template: "referral-reward" },
    });
    expect(toFriend).toHaveLength(1);
    expect(toFriend[0]).toMatchObject({
      subject: "You earned 1,000 credits for a referral",
      idempotencyKey: `referral-reward:new-user:${friend.id}`,
    });
    expect(toFriend[0].text).toContain(`${referrer.name} joined with your referral link`);
    expect(toFriend[0].html).toContain("/dashboard/credits");
  });

  it("ignore an unknown referral code instead of refusing the sign-up", async () => {
    const user = await signUp(
      { email: uniqueEmail("nobody"), password: "a long password", name: null },
      { referralCode: "no-such-code" },
    );
    expect(user.referredById).toBeNull();
  });
});
