import { demo, expect, expectAccessible, signIn, test } from "./support";

test("a non-admin is refused the admin console with a 403 page", async ({ page }) => {
  await signIn(page, demo.ada);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /don.t have access/ })).toBeVisible();
  await expectAccessible(page);
  expect((await page.goto("/admin/outbox"))?.status()).toBe(403);
});

test("an admin reads the email outbox in the console", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Users" }).first().click();
  await expect(page.getByRole("rowheader", { name: demo.ada.email })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Email outbox" }).first().click();
  await expect(page).toHaveURL(/\/admin\/outbox/);
  await expectAccessible(page);
});

test("an admin creates an admin API key in the console and the management API accepts it until it is revoked", async ({
  page,
  request,
}) => {
  await signIn(page, demo.admin);
  await page.goto("/admin/api-keys");
  await expectAccessible(page);
  await page.getByLabel("Name").fill("Billing sync");
  await page.getByRole("button", { name: "Create admin API key" }).click();
  const key = await page.getByRole("textbox", { name: "Your new API key" }).inputValue();
  expect(key).toMatch(/^tga_/);

  const created = await request.post("/api/v1/admin/workspaces", {
    headers: { authorization: `Bearer ${key}` },
    data: { name: "Console-made", ownerEmail: `owner-${Date.now()}@example.test`, tier: "starter" },
  });
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({
    name: "Console-made",
    tier: "starter",
    accountType: "subscription",
  });

  await page.reload();
  await page.getByRole("button", { name: "Revoke Billing sync" }).click();
  await page.getByRole("button", { name: "Yes, revoke Billing sync" }).click();
  await expect(page.getByRole("region", { name: "Admin API keys" })).toContainText("Revoked");
  const refused = await request.get("/api/v1/admin/workspaces/anything", {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(refused.status()).toBe(401);
});
