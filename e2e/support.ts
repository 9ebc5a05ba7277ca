import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";

// Every spec fails if the page reports a Content-Security-Policy violation or an uncaught error:
// the CSP is only worth having if the app actually passes it.
export const test = base.extend<{ pageProblems: void }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text()))
          problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(`Uncaught: ${e.message}`));
      await use();
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const E2E_DB_URL = `postgresql://postgres:postgres@localhost:${process.env.E2E_DB_PORT ?? 25510}/tollgate_e2e`;

export const demo = {
  admin: { email: "admin@tollgate.local", password: "tollgate-admin" },
  ada: { email: "ada@example.com", password: "tollgate-demo" },
  grace: { email: "grace@example.com", password: "tollgate-demo" },
};

/** The sign-in throttle's fixed window on the e2e server (SIGNIN_WINDOW_SECONDS, default 900). */
const SIGNIN_WINDOW_MS = 900_000;

/**
 * Waits for the next sign-in throttle window when less than `needMs` of the current one is left,
 * so a test that counts attempts up to a limit never sees the count start over half-way.
 */
export async function freshSignInWindow(needMs = 30_000) {
  const left = SIGNIN_WINDOW_MS - (Date.now() % SIGNIN_WINDOW_MS);
  if (left >= needMs) return;
  test.info().setTimeout(test.info().timeout + left);
  await new Promise((r) => setTimeout(r, left + 250));
}

export const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

/** Fails on any serious or critical axe-core violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  // Right after a client-side navigation the new page's <title> arrives a moment after its content.
  await expect.poll(() => page.title()).not.toBe("");
  // Sandboxed iframes hold email previews (not console UI); axe cannot inject into them and
  // falls back to opening a page of its own, which times out at random.
  const builder = new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .exclude("iframe[sandbox]");
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual(
    [],
  );
}

/** The newest email to `to` from the outbox (what a person would find in their inbox). */
export async function latestEmail(to: string, template: string) {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    // Alerts are written by a background job: give it a few polls.
    for (let i = 0; i < 60; i++) {
      const { rows } = await client.query(
        `select subject, text from "EmailOutbox" where "to" = $1 and template = $2 order by "createdAt" desc limit 1`,
        [to, template],
      );
      if (rows[0]) return rows[0] as { subject: string; text: string };
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`No ${template} email to ${to}`);
  } finally {
    await client.end();
  }
}

/** How many emails of a template `to` has received. */
export async function emailCount(to: string, template: string) {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select count(*)::int as n from "EmailOutbox" where "to" = $1 and template = $2`,
      [to, template],
    );
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}

export function linkIn(text: string, path: string) {
  const match = new RegExp(`https?://[^\\s)\\]]+${path}\\?token=[\\w-]+(?:\\.[\\w-]+)*`).exec(text);
  if (!match) throw new Error(`No ${path} link in email`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Admins land on the console's overview, everyone else on the dashboard.
  await expect(page).toHaveURL(/\/(dashboard|admin)(\/|\?|$)/);
}

export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

export const E2E_ADMIN_API_KEY = "tga_e2e_admin_key_0123456789abcdef";

/** Signs up a new account through the form and follows the verification email. */
export async function signUpVerified(page: Page, email: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a very long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(linkIn((await latestEmail(email, "verify-email")).text, "/verify-email"));
}

/** Pays on the local test checkout with the card that succeeds. */
export async function payWithTestCard(page: Page, button: string) {
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM/YY)").fill("12/40");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: button }).click();
}
