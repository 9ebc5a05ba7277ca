import {
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  latestEmail,
  linkIn,
  payWithTestCard,
  test,
  uniqueEmail,
} from "./support";

// The plan a visitor picks on the static pricing page survives sign-up and verification and goes
// straight on to payment; deep links and the choice survive sign-in.

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
]) {
  test(`a visitor picks Pro annual, signs up, verifies and pays without choosing again at ${viewport.width} px`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    const email = uniqueEmail("plan");
    await page.goto("/pricing");
    await page.getByRole("button", { name: "Annual" }).click();
    await page.getByRole("link", { name: "Choose Pro" }).click();
    await expect(page).toHaveURL(/\/sign-up\?plan=pro&interval=year/);
    await expect(page.getByRole("main")).toContainText("You chose Pro, billed annually.");
    // "Sign in" instead keeps the choice too.
    await expect(page.getByRole("link", { name: "Sign in", exact: true })).toHaveAttribute(
      "href",
      `/sign-in?callbackUrl=${encodeURIComponent("/start?plan=pro&interval=year")}`,
    );
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a very long password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

    await page.goto(linkIn((await latestEmail(email, "verify-email")).text, "/verify-email"));
    await expect(page).toHaveURL(/\/checkout\/cs_local_/);
    await expect(page.getByRole("heading", { name: "Pro plan" })).toBeVisible();
    await expectAccessible(page);
    // A declined card keeps what was typed; the expiry reads MM / YY.
    await page.getByLabel("Card number").fill("4000000000000002");
    await page.getByLabel("Expiry (MM/YY)").fill("1240");
    await page.getByLabel("Security code").fill("123");
    await page.getByRole("button", { name: "Pay $790" }).click();
    await expect(page.getByText("Your card was declined.")).toBeVisible();
    await expect(page.getByLabel("Card number")).toHaveValue("4000 0000 0000 0002");
    await expect(page.getByLabel("Expiry (MM/YY)")).toHaveValue("12 / 40");
    await expect(page.getByLabel("Security code")).toHaveValue("123");
    await payWithTestCard(page, "Pay $790");

    await expect(page).toHaveURL(/\/dashboard\/billing\?subscribed=1/);
    const plan = page.getByRole("region", { name: "Current plan" });
    await expect(plan).toContainText("Pro");
    await expect(plan).toContainText("Annual billing");
    await expectAccessible(page);

    // Signed in: /sign-in and /sign-up go on instead of asking again.
    await page.goto("/sign-in?callbackUrl=%2Fdashboard%2Fusage");
    await expect(page).toHaveURL(/\/dashboard\/usage$/);
    await page.goto("/sign-up");
    await expect(page).toHaveURL(/\/dashboard$/);
  });
}

test("a deep link survives sign-in, and a signed-in member's pricing button opens the in-app purchase", async ({
  page,
}) => {
  await page.goto("/dashboard/usage?range=7d");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard%2Fusage%3Frange%3D7d/);
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Password").fill("tollgate-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard\/usage\?range=7d$/);

  await page.goto("/pricing");
  await page.getByTestId("pack-credits-50k").getByRole("link").click();
  await expect(page).toHaveURL(/\/dashboard\/credits\?pack=credits-50k#buy-credits/);
  await expect(page.getByRole("button", { name: "Buy 50,000 credits" })).toBeVisible();
});
