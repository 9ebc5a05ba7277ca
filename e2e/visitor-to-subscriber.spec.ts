import { expect, expectAccessible, latestEmail, linkIn, test, uniqueEmail } from "./support";

test("a visitor picks Pro annual on the pricing page, signs up, verifies, pays and lands on Pro with its credits", async ({
  page,
}) => {
  const email = uniqueEmail("pro");
  await page.goto("/pricing");
  await page.getByRole("button", { name: "Annual" }).click();
  await page.getByRole("link", { name: "Choose Pro" }).click();
  await expect(page).toHaveURL(/\/sign-up\?plan=pro&interval=year/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a very long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto(linkIn((await latestEmail(email, "verify-email")).text, "/verify-email"));
  // Verified: straight on to the checkout of the plan picked (e2e/plan-through-sign-up.spec.ts).
  await expect(page).toHaveURL(/\/checkout\/cs_local_/);
  await expect(page.getByRole("heading", { name: "Pro plan" })).toBeVisible();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM/YY)").fill("12/40");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Pay $790" }).click();

  await expect(page).toHaveURL(/\/dashboard\/billing\?subscribed=1/);
  await expect(page.getByRole("region", { name: "Current plan" })).toContainText("Pro");
  await expect(page.getByRole("region", { name: "Current plan" })).toContainText("Annual billing");
  await expect(page.getByRole("region", { name: "Payments, newest first" })).toContainText("$790");
  await expectAccessible(page);
  expect((await latestEmail(email, "payment-receipt")).subject).toBe(
    "Your Demo AI Studio receipt: Pro plan (annual)",
  );

  // Cancel at period end (confirmed), then resume.
  const plan = page.getByRole("region", { name: "Current plan" });
  await plan.getByRole("button", { name: "Cancel plan" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Yes, cancel at period end" }).click();
  await expect(plan).toContainText("Ends at period end");
  await expect(plan).toContainText(/Your plan ends on/);
  await expectAccessible(page);
  await plan.getByRole("button", { name: "Resume plan" }).click();
  await expect(plan).toContainText(/Annual billing · renews/);
  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: "Plan" })).toContainText("Pro");
  await expect(page.getByRole("region", { name: "Balance" })).toContainText("100,000 credits");
});
