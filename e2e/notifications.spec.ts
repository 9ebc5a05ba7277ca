import { readdirSync, readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import {
  E2E_ADMIN_API_KEY,
  emailCount,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  latestEmail,
  linkIn,
  payWithTestCard,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";

const MODEL = "poster-editor:inpaint-standard"; // 12 credits a call on the free plan, 1 quota unit per image

async function createKey(page: Page) {
  await page.goto("/dashboard/api-keys");
  await page.getByLabel("Name").fill("Alerts app");
  await page.getByRole("button", { name: "Create API key" }).click();
  return page.getByRole("textbox", { name: "Your new API key" }).inputValue();
}

/** The company's backend tops the workspace up through the management API. */
async function grant(request: APIRequestContext, key: string, millicredits: number, ref: string) {
  const me = await (await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } })).json();
  const res = await request.post(`/api/v1/admin/workspaces/${me.workspace.id}/credits`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_API_KEY}` },
    data: { millicredits, reason: "Top-up", idempotencyKey: `${ref}-${me.workspace.id}` },
  });
  expect(res.status()).toBe(200);
}

const call = (request: APIRequestContext, key: string, quantity = 1) =>
  request.post("/api/v1/usage", {
    headers: { authorization: `Bearer ${key}` },
    data: { model: MODEL, quantity },
  });

/** Gives the in-process job worker time to act, so "still one" means something. */
const settle = () => new Promise((r) => setTimeout(r, 4_000));

test("low-credit and quota alerts arrive once; unsubscribing stops that category and only that one", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("alerts");
  await signUpVerified(page, email);
  await expect(page).toHaveURL(/\/dashboard/);
  const key = await createKey(page);

  // A new account is on the free plan: its 1,000 credits for the month are there, and nothing is low.
  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: "Plan" })).toContainText("Free");
  await expect(page.getByRole("region", { name: "Balance" })).toContainText("1,000 credits");
  await expect(page.getByRole("region", { name: "Daily quota" })).toContainText("of 50 units");
  await expect(page.getByText("Your balance is low")).toHaveCount(0);

  // The day's 50 quota units first, then credits: a top-up of 100 credits, then calls until the
  // balance is below 10 credits (10% of that top-up).
  expect((await (await call(request, key, 50)).json()).billedTo).toBe("quota");
  await grant(request, key, 100_000, "first");
  expect((await call(request, key, 90)).status()).toBe(200); // 1,100 − 1,080: 20 credits left
  await settle();
  expect(await emailCount(email, "low-credits")).toBe(0);
  expect((await call(request, key)).status()).toBe(200); // 8 credits left
  const alert = await latestEmail(email, "low-credits");
  expect(alert.subject).toBe("Your Demo AI Studio credits are running low");
  expect(alert.text).toContain("8 credits");
  expect((await call(request, key)).status()).toBe(402);
  await settle();
  expect(await emailCount(email, "low-credits")).toBe(1);

  // One click from the email (signed out works too; here the session is simply not needed).
  await page.goto(linkIn(alert.text, "/unsubscribe"));
  await expect(page.getByRole("heading", { name: "Unsubscribe from Low-credit alerts?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(
    page.getByRole("heading", { name: "You're unsubscribed from Low-credit alerts." }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Manage all email preferences" }).click();
  await expect(page).toHaveURL(/\/dashboard\/settings/);
  await expect(page.getByRole("checkbox", { name: "Low-credit alerts" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Quota alerts" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Weekly usage summaries" })).toBeChecked();
  await expectAccessible(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // A new top-up, spent below 10% again: no low-credit email any more.
  await grant(request, key, 100_000, "second");
  for (let i = 0; i < 9; i++) expect((await call(request, key)).status()).toBe(200); // 0 credits left
  await settle();
  expect(await emailCount(email, "low-credits")).toBe(1);

  // On Starter (500 quota units a day) the quota alerts still come: one warning at 80%.
  await page.goto("/dashboard/billing");
  await page.getByRole("button", { name: "Choose Starter monthly" }).click();
  await expect(page).toHaveURL(/\/checkout\/cs_local_/);
  await payWithTestCard(page, "Pay $19");
  await expect(page).toHaveURL(/\/dashboard\/billing\?subscribed=1/);

  // The free plan's 50 units warned once today; they count towards Starter's 500, whose own 80%
  // warns once more.
  expect(await emailCount(email, "quota-warning")).toBe(1);
  expect((await call(request, key, 349)).status()).toBe(200);
  await settle();
  expect(await emailCount(email, "quota-warning")).toBe(1);
  const crossing = await call(request, key, 1);
  expect((await crossing.json()).quota).toMatchObject({ used: 400, limit: 500 });
  await expect.poll(() => emailCount(email, "quota-warning"), { timeout: 15_000 }).toBe(2);
  const warning = await latestEmail(email, "quota-warning");
  expect(warning.subject).toMatch(/^You've used 80% of today's quota in /);
  expect(warning.text).toContain("400");
  for (let i = 0; i < 3; i++) expect((await call(request, key, 10)).status()).toBe(200);
  await settle();
  expect(await emailCount(email, "quota-warning")).toBe(2);
  expect(await emailCount(email, "low-credits")).toBe(1);
});

test("an admin reads an email in the outbox, resends it, and previews every template", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@tollgate.local");
  await page.getByLabel("Password").fill("tollgate-admin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin|\/dashboard/);

  await page.goto("/admin/outbox?template=low-credits");
  await expect(page.getByRole("table")).toContainText("Your Demo AI Studio credits are running low");
  await page.getByRole("link", { name: "Your Demo AI Studio credits are running low" }).first().click();
  await expect(page.getByText("List-Unsubscribe-Post: List-Unsubscribe=One-Click")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Resend" }).click();
  await expect(page.getByRole("link", { name: "View the original email" })).toBeVisible();

  await page.goto("/admin/emails");
  const gallery = page.getByRole("navigation", { name: "Templates" });
  // One link per template file in emails/ (email-layout.tsx is the shared frame, not a template).
  // Every email component (a file with a default export); shared parts (layout, receipt block) are not templates.
  const templates = readdirSync("emails").filter(
    (f) => f.endsWith(".tsx") && readFileSync(`emails/${f}`, "utf8").includes("export default"),
  );
  expect(templates.length).toBeGreaterThanOrEqual(19);
  await expect(gallery.getByRole("link")).toHaveCount(templates.length);
  await gallery.getByRole("link", { name: /weekly-usage-summary/ }).click();
  const preview = page.frameLocator('iframe[title="Preview of the weekly-usage-summary email"]');
  await expect(preview.getByText("GPT-4o mini")).toBeVisible();
  // The sandboxed preview is the email itself (no scripts may run in it), not the console's UI.
  await expectAccessible(page);
  await gallery.getByRole("link", { name: /renewal-reminder/ }).click();
  await expect(page.getByLabel("Template", { exact: true })).toHaveValue("renewal-reminder");
  await page.getByLabel("Recipient").fill("ops@example.test");
  await page.getByRole("button", { name: "Send test email" }).click();
  await expect(page.getByRole("status")).toContainText("queued for ops@example.test");
  expect((await latestEmail("ops@example.test", "renewal-reminder")).subject).toMatch(
    /^Your Pro plan ends in/,
  );
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(page);
});
