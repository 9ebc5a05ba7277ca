import { demo, expect, expectAccessible, freshSignInWindow, signIn, test } from "./support";

test("a user signs in, sees their dashboard and signs out", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expectAccessible(page);

  await page.getByLabel("Email").fill(demo.ada.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();

  await signIn(page, demo.ada);
  await expect(page.getByRole("main")).toContainText(demo.ada.email);
  await expectAccessible(page);

  await page.getByRole("button", { name: /Ada Lovelace/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("repeated wrong passwords lock the email out with a clear message", async ({ page }) => {
  await freshSignInWindow();
  await page.goto("/sign-in");
  for (let i = 0; i < 6; i++) {
    await page.getByLabel("Email").fill(demo.grace.email);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
  }
  await expect(page.getByText(/Too many sign-in attempts\. Try again in \d+ minutes?\./)).toBeVisible();
});
