import type { APIRequestContext } from "@playwright/test";
import {
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  payWithTestCard,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";

// A Starter subscriber finds a Pro-only model locked on the Models page, upgrades from there with the
// prorated charge shown before confirming, and the model answers over the API.

const PRO_ONLY = "poster-editor:inpaint-pro";

const callModel = (request: APIRequestContext, key: string) =>
  request.post("/api/v1/usage", {
    headers: { authorization: `Bearer ${key}` },
    data: { model: PRO_ONLY, quantity: 1 },
  });

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
]) {
  test(`a Starter subscriber unlocks a Pro model from the Models page at ${viewport.width} px`, async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    await signUpVerified(page, uniqueEmail("models"));
    await page.goto("/dashboard/billing");
    await page.getByRole("button", { name: "Choose Starter monthly" }).click();
    await payWithTestCard(page, "Pay $19");
    await expect(page).toHaveURL(/\/dashboard\/billing\?subscribed=1/);

    await page.goto("/dashboard/api-keys");
    await page.getByLabel("Name").fill("Poster app");
    await page.getByRole("button", { name: "Create API key" }).click();
    const key = await page.getByRole("textbox", { name: "Your new API key" }).inputValue();
    const refused = await callModel(request, key);
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe("model_not_allowed");

    if (viewport.width >= 1024) {
      await page.goto("/dashboard");
      await page.getByRole("link", { name: "Models", exact: true }).click();
    } else await page.goto("/dashboard/models");
    await expect(page.getByRole("heading", { name: "Models", level: 1 })).toBeVisible();
    const table = page.getByRole("table", { name: "Models and prices on your plan" });
    const row = table.getByRole("row").filter({ hasText: "Inpaint Pro" });
    await expect(row).toContainText("Needs Pro");
    await expect(row).toContainText(/credits \/ image/);
    await expect(table.getByRole("row").filter({ hasText: "Inpaint Standard" })).toContainText("Included");
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    await row.getByRole("link", { name: "Upgrade to unlock Inpaint Pro" }).click();
    await expect(page).toHaveURL(/\/dashboard\/billing\?plan=pro&interval=month#change-plan/);
    const change = page.getByRole("region", { name: "Change plan" });
    await expect(change).toContainText(
      /You'll be charged \$\d+(\.\d\d)? now \(prorated for the rest of this period\) and get [\d,]+ more credits\./,
    );
    await expectAccessible(page);
    await change.getByRole("button", { name: "Yes, upgrade to Pro" }).click();
    await expect(
      page.getByText(/You're now on Pro, billed monthly\. \$\d+(\.\d\d)? was charged\./),
    ).toBeVisible();

    await expect.poll(async () => (await callModel(request, key)).status()).toBe(200);
    await page.goto("/dashboard/models");
    await expect(
      page
        .getByRole("table", { name: "Models and prices on your plan" })
        .getByRole("row")
        .filter({ hasText: "Inpaint Pro" }),
    ).toContainText("Included");
  });
}
