import { expect, expectAccessible, latestEmail, linkIn, test, uniqueEmail } from "./support";

test("a user who forgot their password resets it from the emailed link and signs in with the new one", async ({
  page,
}) => {
  const email = uniqueEmail("reset");
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("the first password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.context().clearCookies();

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password/);
  await expectAccessible(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/a reset link is on its way/)).toBeVisible();

  const mail = await latestEmail(email, "reset-password");
  await page.goto(linkIn(mail.text, "/reset-password"));
  await expectAccessible(page);
  await page.getByLabel("New password", { exact: true }).fill("the second password");
  await page.getByLabel("Confirm new password").fill("does not match");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("the second password");
  await page.getByLabel("Confirm new password").fill("the second password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password has been changed.")).toBeVisible();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("the first password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await page.getByLabel("Password").fill("the second password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  // The link works once.
  await page.goto(linkIn(mail.text, "/reset-password"));
  await expect(page.getByText(/invalid or has expired/)).toBeVisible();
});
