import { expect, expectAccessible, latestEmail, linkIn, test, uniqueEmail } from "./support";

test("a visitor signs up, follows the verification email and lands on the dashboard verified", async ({
  page,
}) => {
  const email = uniqueEmail("signup");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Sign up" }).first().click();
  await expect(page).toHaveURL(/\/sign-up/);
  await expectAccessible(page);
  await page.getByLabel("Name").fill("Margaret Hamilton");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await page.getByLabel("Password").fill("apollo guidance computer");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page);

  // Before verifying, the dashboard asks for it.
  await page.goto("/dashboard");
  await expect(page.getByText(/Confirm your email/)).toBeVisible();

  const mail = await latestEmail(email, "verify-email");
  expect(mail.subject).toBe("Confirm your email for Demo AI Studio");
  await page.goto(linkIn(mail.text, "/verify-email"));
  await expect(page).toHaveURL(/\/dashboard\?verified=1/);
  await expect(page.getByText("Your email is confirmed.")).toBeVisible();
  await expect(page.getByText(/Confirm your email/)).toHaveCount(0);
  await expectAccessible(page);

  // The same link cannot be used twice.
  await page.goto(linkIn(mail.text, "/verify-email"));
  await expect(page.getByText(/invalid or has expired/)).toBeVisible();

  // Signing up again with the same address looks the same as a new sign-up (no one learns the
  // address has an account); the owner is emailed instead, and no second account appears.
  await page.context().clearCookies();
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill("someone else's password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(/already exists/)).toHaveCount(0);
  expect((await latestEmail(email, "sign-up-attempt")).text).toMatch(/already has an account/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/); // the other password signed no one in
});
