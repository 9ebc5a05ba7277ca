import { Secret, TOTP } from "otpauth";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signUpVerified, test, uniqueEmail } from "./support";

// What an authenticator app shows for this key, `stepsAhead` 30-second steps from now (the server
// accepts one step of drift and refuses a code it already accepted).
const codeFor = (secret: string, stepsAhead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({
    timestamp: Date.now() + stepsAhead * 30_000,
  });

async function passwordStep(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a very long password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Authentication code")).toBeVisible();
}

test("a user turns on two-factor, then signs in with a TOTP code and with a recovery code", async ({
  page,
}) => {
  const email = uniqueEmail("2fa");
  await signUpVerified(page, email);
  await page.goto("/dashboard/settings/security");
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expectAccessible(page);
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();

  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByText(/That code is not valid/).first()).toBeVisible();
  await page.getByLabel("Authentication code").fill(codeFor(secret));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const recovery = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  await page.getByRole("button", { name: "I saved my recovery codes" }).click();
  await expect(page.getByText("10 unused recovery codes left.")).toBeVisible();

  // Password alone is not enough any more.
  await page.context().clearCookies();
  await passwordStep(page, email);
  await page.getByLabel("Authentication code").fill("123456");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText(/That code is not valid/)).toBeVisible();
  await page.getByLabel("Authentication code").fill(codeFor(secret, 1));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  // A recovery code works once.
  await page.context().clearCookies();
  await passwordStep(page, email);
  await page.getByLabel("Authentication code").fill(recovery[0]);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/settings/security");
  await expect(page.getByText("9 unused recovery codes left.")).toBeVisible();

  await page.context().clearCookies();
  await passwordStep(page, email);
  await page.getByLabel("Authentication code").fill(recovery[0]);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText(/That code is not valid/)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});
