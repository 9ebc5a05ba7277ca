import { demo, expect, expectAccessible, expectNoHorizontalScroll, signIn, test } from "./support";

test.use({ viewport: { width: 375, height: 740 } });

test("at phone width pages fit the screen and the dashboard menu navigates", async ({ page }) => {
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
  }
  await signIn(page, demo.ada);
  await expectNoHorizontalScroll(page);
  await page.getByRole("button", { name: "Open navigation" }).click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await expectAccessible(page);
  await drawer.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/dashboard\/settings/);
  await expect(drawer).toBeHidden();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);

  // Dark mode is remembered across reloads.
  await page.getByRole("button", { name: "Toggle dark mode" }).first().click();
  const dark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(dark);
  await expectAccessible(page);
});
