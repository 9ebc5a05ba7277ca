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
  await expect(page.getByRole("cell", { name: demo.ada.email })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Email outbox" }).first().click();
  await expect(page).toHaveURL(/\/admin\/outbox/);
  await expectAccessible(page);
});
