import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { E2E_DB_URL, expect, expectAccessible, linkIn, signUpVerified, test, uniqueEmail } from "./support";

// Sessions end on the server: a copy of the session cookie (a stolen one) stops working after
// sign-out and after "Sign out everywhere"; one reset link retires the others.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A second browser holding a copy of this page's cookies. */
async function copyOf(browser: Browser, page: Page) {
  const context = await browser.newContext();
  await context.addCookies(await page.context().cookies());
  return context.newPage();
}

async function signInAgain(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a very long password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

test("a copied session cookie stops working after sign-out and after sign out everywhere", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("sessions");
  await signUpVerified(page, email);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);

  const thief = await copyOf(browser, page);
  await thief.goto("/dashboard");
  await expect(thief).toHaveURL(/\/dashboard$/); // the copy works while the session lives

  await page.getByRole("button", { name: new RegExp(escape(email)) }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");
  await thief.goto("/dashboard");
  await expect(thief).toHaveURL(/\/sign-in/);

  // Sign in again, copy the new cookie, then end every session from Settings → Security.
  await signInAgain(page, email);
  const thief2 = await copyOf(browser, page);
  await thief2.goto("/dashboard/settings");
  await expect(thief2).toHaveURL(/\/dashboard\/settings$/);
  await page.goto("/dashboard/settings");
  await page.getByRole("link", { name: "Manage two-factor authentication and sessions" }).click();
  await expect(page).toHaveURL(/\/dashboard\/settings\/security/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  await thief2.goto("/dashboard/settings");
  await expect(thief2).toHaveURL(/\/sign-in/);

  // Signing in afterwards works as usual.
  await signInAgain(page, email);
  await thief.context().close();
  await thief2.context().close();
});

async function resetLinks(email: string) {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select text from "EmailOutbox" where "to" = $1 and template = 'reset-password' order by "createdAt" asc`,
      [email],
    );
    return rows.map((r: { text: string }) => linkIn(r.text, "/reset-password"));
  } finally {
    await client.end();
  }
}

test("using one password reset link makes the older one stop working", async ({ page }) => {
  const email = uniqueEmail("two-links");
  await signUpVerified(page, email);
  await page.context().clearCookies();
  for (let i = 0; i < 2; i++) {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText(/a reset link is on its way/)).toBeVisible();
  }
  await expect.poll(async () => (await resetLinks(email)).length).toBe(2);
  const [older, newer] = await resetLinks(email);

  await page.goto(newer);
  await page.getByLabel("New password", { exact: true }).fill("the second password");
  await page.getByLabel("Confirm new password").fill("the second password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password has been changed.")).toBeVisible();

  await page.goto(older);
  await expect(page.getByText(/invalid or has expired/)).toBeVisible();
});
