import { demo, expect, expectAccessible, signIn, test } from "./support";

test("a verified user buys a credit pack with the local test checkout; a declined card changes nothing", async ({
  page,
}) => {
  await signIn(page, demo.ada);
  await page.goto("/dashboard/credits");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Buy 50,000 credits" }).click();
  await expect(page).toHaveURL(/\/checkout\/cs_local_/);
  await expectAccessible(page);

  await page.getByLabel("Card number").fill("4000 0000 0000 0002");
  await page.getByLabel("Expiry (MM/YY)").fill("12/40");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Pay $50" }).click();
  await expect(
    page.getByText("Your card was declined. Nothing was charged; try another card."),
  ).toBeVisible();

  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Pay $50" }).click();
  await expect(page).toHaveURL(/\/dashboard\/credits\?purchased=1/);
  await expect(page.getByText("Payment received.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Current balance" })).toContainText("53,500 credits"); // the pack and the free plan's 1,000 of the month
  // The pack is a bucket of its own: purchased credits never expire.
  const bought = page
    .getByRole("region", { name: "Current balance" })
    .getByRole("row", { name: /Purchased/ })
    .last();
  await expect(bought).toContainText("52,500");
  await expect(bought).toContainText("Never");
  await expect(page.getByRole("region", { name: "Credit ledger, newest first" })).toContainText(
    "Credit pack: 50,000 credits",
  );
  await expectAccessible(page);
});

test("an admin creates a credit coupon and a user redeems it once", async ({ page, browser }) => {
  const code = `SPRING-${Date.now().toString(36).toUpperCase()}`;
  await signIn(page, demo.admin);
  await page.goto("/admin/coupons");
  await expectAccessible(page);
  await page.getByLabel("Code").fill(code);
  await page.getByLabel("Credits", { exact: true }).fill("1500");
  await page.getByLabel("Max redemptions").fill("10");
  await page.getByRole("button", { name: "Create coupon" }).click();
  await expect(page.getByRole("region", { name: "Coupons" })).toContainText(code);

  const user = await (await browser.newContext()).newPage();
  await signIn(user, demo.ada);
  await user.goto("/dashboard/credits");
  const before = await user.getByRole("region", { name: "Current balance" }).innerText();
  await user.getByLabel("Coupon code", { exact: true }).fill(code.toLowerCase());
  await user.getByRole("button", { name: "Redeem" }).click();
  await expect(user.getByText(`Coupon ${code} redeemed: 1,500 credits added.`)).toBeVisible();
  await expect(user.getByRole("region", { name: "Credit ledger, newest first" })).toContainText(
    `Coupon ${code}`,
  );
  expect(await user.getByRole("region", { name: "Current balance" }).innerText()).not.toBe(before);
  await user.getByLabel("Coupon code", { exact: true }).fill(code);
  await user.getByRole("button", { name: "Redeem" }).click();
  await expect(user.getByText("This workspace has already redeemed that coupon.")).toBeVisible();
  await expectAccessible(user);

  await page.reload();
  await expect(page.getByRole("region", { name: "Coupons" })).toContainText("1 / 10");
});
