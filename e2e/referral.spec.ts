import { demo, expect, expectAccessible, latestEmail, linkIn, signIn, test, uniqueEmail } from "./support";

test("a referral link pays both sides once, after the friend verifies and pays", async ({
  page,
  browser,
}) => {
  await signIn(page, demo.grace);
  await page.goto("/dashboard/credits");
  const link = await page.getByLabel("Your referral link").inputValue();
  expect(link).toMatch(/\/sign-up\?ref=/);
  await expectAccessible(page);

  const friend = await (await browser.newContext()).newPage();
  const email = uniqueEmail("friend");
  await friend.goto(new URL(link).pathname + new URL(link).search);
  await expect(friend.getByText(/you both get bonus credits/)).toBeVisible();
  await friend.getByLabel("Email").fill(email);
  await friend.getByLabel("Password").fill("a long enough password");
  await friend.getByRole("button", { name: "Create account" }).click();
  await expect(friend.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await friend.goto(linkIn((await latestEmail(email, "verify-email")).text, "/verify-email"));
  await friend.goto("/dashboard/credits");
  for (let i = 0; i < 2; i++) {
    await friend.getByRole("button", { name: "Buy 10,000 credits" }).click();
    await friend.getByLabel("Card number").fill("4242 4242 4242 4242");
    await friend.getByLabel("Expiry (MM/YY)").fill("12/40");
    await friend.getByLabel("Security code").fill("123");
    await friend.getByRole("button", { name: "Pay $10" }).click();
    await expect(friend).toHaveURL(/purchased=1/);
  }
  // Two packs and one welcome bonus.
  await expect(friend.getByRole("region", { name: "Current balance" })).toContainText("22,000 credits"); // with the free plan's 1,000 of the month

  await page.reload();
  await expect(page.getByRole("region", { name: "Refer a friend" })).toContainText(
    "1 signed up · 1 paid · 5,000 credits earned here",
  );
  await expect(page.getByRole("region", { name: "Credit ledger, newest first" })).toContainText(
    "Referral reward",
  );
});
