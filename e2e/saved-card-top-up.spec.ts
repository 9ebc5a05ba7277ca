import type { APIRequestContext, Page } from "@playwright/test";
import {
  E2E_ADMIN_API_KEY,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";

// A signed-in user whose app is refused for lack of credits buys a pack with the saved card in two
// clicks, and the app's next call goes through.

const MODEL = "poster-editor:inpaint-standard"; // 1 quota unit, 12 credits a call on the free plan

async function createKey(page: Page) {
  await page.goto("/dashboard/api-keys");
  await page.getByLabel("Name").fill("Top-up app");
  await page.getByRole("button", { name: "Create API key" }).click();
  return page.getByRole("textbox", { name: "Your new API key" }).inputValue();
}

const call = (request: APIRequestContext, key: string, quantity = 1) =>
  request.post("/api/v1/usage", {
    headers: { authorization: `Bearer ${key}` },
    data: { model: MODEL, quantity },
  });

/** Spends the free plan's month of credits (through the management API) and the day's 50 quota units. */
async function emptyBalance(request: APIRequestContext, key: string) {
  const me = await (await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } })).json();
  const res = await request.post(`/api/v1/admin/workspaces/${me.workspace.id}/credits`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_API_KEY}` },
    data: {
      millicredits: -me.balance.millicredits,
      reason: "Test: empty",
      idempotencyKey: `empty-${me.workspace.id}`,
    },
  });
  expect(res.status()).toBe(200);
  expect((await call(request, key, 50)).status()).toBe(200); // the day's quota
}

for (const [label, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 375, height: 800 }],
] as const) {
  test.describe(label, () => {
    test.use({ viewport });

    test(`a refused app is unblocked by a pack paid with the saved card in two clicks (${label})`, async ({
      page,
      request,
    }) => {
      test.setTimeout(120_000);
      await signUpVerified(page, uniqueEmail(`saved-card-${label}`));
      await expect(page).toHaveURL(/\/dashboard/);
      const key = await createKey(page);

      await page.goto("/dashboard/billing/payment-method");
      await page.getByLabel("Card number").fill("4242 4242 4242 4242");
      await page.getByLabel("Expiry (MM/YY)").fill("12/40");
      await page.getByLabel("Security code").fill("123");
      await page.getByRole("button", { name: "Save card" }).click();
      await expect(page.getByText(/Card ending 4242 saved\./)).toBeVisible();

      await emptyBalance(request, key);
      const refused = await call(request, key);
      expect(refused.status()).toBe(402);
      expect((await refused.json()).error.code).toBe("insufficient_credits");

      await page.goto("/dashboard/credits");
      await expect(page.getByRole("region", { name: "Current balance" })).toContainText("0 credits");
      await expectAccessible(page);
      await page.getByRole("button", { name: "Pay with Visa ···4242 for 10,000 credits" }).click();
      const dialog = page.getByRole("alertdialog");
      await expect(dialog).toContainText("$10 is charged to Visa ···4242");
      await expectAccessible(page);
      await dialog.getByRole("button", { name: "Pay $10 with Visa ···4242" }).click();
      await expect(page.getByText("Payment received: 10,000 credits added to your balance.")).toBeVisible();
      await expect(page.getByRole("region", { name: "Current balance" })).toContainText("10,000 credits");
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
      await page.screenshot({ path: test.info().outputPath(`credits-${label}.png`), fullPage: true });

      expect((await call(request, key)).status()).toBe(200);

      // The receipt names the card and offers the PDF invoice.
      await page.goto("/dashboard/billing");
      await page.getByRole("link", { name: /Receipt for Credit pack: 10,000 credits/ }).click();
      await expect(page.getByText("Visa ···4242")).toBeVisible();
      await expect(page.getByRole("link", { name: "Download PDF invoice" })).toBeVisible();
      await expectAccessible(page);
    });
  });
}
