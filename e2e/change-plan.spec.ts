import type { Page } from "@playwright/test";
import {
  demo,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  latestEmail,
  payWithTestCard,
  signIn,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";

async function subscribeToProMonthly(page: Page) {
  const email = uniqueEmail("upgrade");
  await signUpVerified(page, email);
  await page.goto("/dashboard/billing");
  await page.getByRole("button", { name: "Choose Pro monthly" }).click();
  await payWithTestCard(page, "Pay $79");
  await expect(page).toHaveURL(/\/dashboard\/billing\?subscribed=1/);
  return email;
}

test("a Pro subscriber upgrades to Enterprise with a prorated charge, schedules a downgrade and takes it back; an admin refunds the upgrade", async ({
  page,
  browser,
}) => {
  const email = await subscribeToProMonthly(page);
  const current = page.getByRole("region", { name: "Current plan" });
  const change = page.getByRole("region", { name: "Change plan" });

  // Upgrade: the exact prorated charge is shown before confirming.
  await change.getByRole("button", { name: "Upgrade to Enterprise", exact: true }).click();
  await expect(change).toContainText(
    /You'll be charged \$3\d\d(\.\d\d)? now \(prorated for the rest of this period\) and get 500,000 more credits\./,
  );
  await expectAccessible(page);
  await change.getByRole("button", { name: "Yes, upgrade to Enterprise" }).click();
  await expect(
    page.getByText(/You're now on Enterprise, billed monthly\. \$3\d\d(\.\d\d)? was charged\./),
  ).toBeVisible();
  await expect(current).toContainText("Enterprise");
  const history = page.getByRole("region", { name: "Payments, newest first" });
  await expect(history).toContainText("Upgrade to Enterprise (monthly), prorated");
  expect((await latestEmail(email, "payment-receipt")).subject).toBe(
    "Your Demo AI Studio receipt: Upgrade to Enterprise (monthly), prorated",
  );

  // Downgrade: scheduled for the end of the period, shown, and cancellable.
  await change.getByRole("button", { name: "Downgrade to Starter", exact: true }).click();
  await expect(change).toContainText(
    /Starts on .+\. Nothing is charged now; you keep Enterprise \(monthly\) until then\./,
  );
  await change.getByRole("button", { name: "Yes, downgrade to Starter" }).click();
  await expect(current).toContainText(/Changes to Starter \(monthly\) on /);
  await expect(current).toContainText("Enterprise");
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await current.getByRole("button", { name: "Cancel scheduled change" }).click();
  await expect(page.getByText("The scheduled change is cancelled; your plan renews as it is.")).toBeVisible();
  await expect(current).not.toContainText("Changes to Starter");

  // The receipt page for the upgrade.
  await history.getByRole("link", { name: /Receipt for Upgrade to Enterprise/ }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("500,000");
  await expectAccessible(page);

  // An admin refunds the upgrade in full (it is minutes old); its credits are clawed back.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demo.admin);
  await admin.goto(`/admin/payments?q=${encodeURIComponent("Upgrade to Enterprise")}`);
  const row = admin.getByRole("row").filter({ hasText: "Upgrade to Enterprise (monthly), prorated" }).first();
  await row.getByRole("button", { name: /^Refund / }).click();
  const dialog = admin.getByRole("alertdialog");
  await expect(dialog).toContainText(/Refund \$3\d\d\.\d\d in full \(paid less than 24 hours ago\)\./);
  await dialog.getByRole("button", { name: "Confirm refund" }).click();
  await expect(admin.getByText(/^Refunded \$3\d\d\.\d\d\.$/)).toBeVisible();
  await expectAccessible(admin);

  await page.goto("/dashboard/billing");
  await expect(page.getByRole("region", { name: "Payments, newest first" })).toContainText(
    /Refunded \$3\d\d/,
  );
  await page.goto("/dashboard/credits");
  await expect(page.getByRole("main")).toContainText("100,000");
});

test("a declined card on file leaves the plan unchanged with a clear message", async ({ page }) => {
  await subscribeToProMonthly(page);
  await page.goto("/dashboard/billing/payment-method");
  await page.getByLabel("Card number").fill("4000 0000 0000 0341");
  await page.getByLabel("Expiry (MM/YY)").fill("12/40");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Save card" }).click();
  await expect(page.getByText(/Card ending 0341 saved\./)).toBeVisible();
  await expectAccessible(page);

  await page.goto("/dashboard/billing");
  const change = page.getByRole("region", { name: "Change plan" });
  await change.getByRole("button", { name: "Upgrade to Enterprise", exact: true }).click();
  await change.getByRole("button", { name: "Yes, upgrade to Enterprise" }).click();
  await expect(change.getByText(/Your card ending 0341 was declined\. Nothing changed/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Current plan" })).toContainText("Pro");
  await expect(page.getByRole("region", { name: "Payments, newest first" })).not.toContainText(
    "Upgrade to Enterprise",
  );
});
