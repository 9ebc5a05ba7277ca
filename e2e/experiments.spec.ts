import { createHmac, hkdfSync } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import {
  demo,
  E2E_DB_URL,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  latestEmail,
  linkIn,
  payWithTestCard,
  signIn,
  test,
  uniqueEmail,
} from "./support";

// An admin runs a 50/50 price test on Pro ($79 in the catalog, $59 in B): two visitors see
// different prices on the static /pricing, the one shown B signs up, verifies and pays B's price,
// and the results count one paid conversion in B. The experiment is ended at the end (reverted),
// so the other specs see the catalog's prices.

const NAME = `Pro at $59 ${Date.now()}`;
// The e2e server's AUTH_SECRET (scripts/e2e-server.ts): the test signs each visitor's assignment
// cookie exactly as the app does (lib/experiments/cookie.ts), so who sees which variant is not luck.
const AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e";

function assignmentCookie(experimentId: string, variantId: string, visitorId: string) {
  const key = Buffer.from(hkdfSync("sha256", AUTH_SECRET, "tollgate-secret-box", "experiment-cookie", 32));
  const payload = [experimentId, variantId, visitorId, "0"].join(".");
  return `${payload}.${createHmac("sha256", key).update(payload).digest("base64url").slice(0, 32)}`;
}

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function visitorShown(browser: Browser, experimentId: string, variantId: string, label: string) {
  const context = await browser.newContext();
  const { hostname } = new URL(test.info().project.use.baseURL!);
  await context.addCookies([
    {
      name: "tg_exp",
      value: assignmentCookie(experimentId, variantId, `e2e-${label}-${Date.now()}`),
      domain: hostname,
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  return context.newPage();
}

const proPrice = (page: Page) => page.getByTestId("price-pro");

test.afterAll(async () => {
  // Whatever happened above, no experiment of this spec keeps running for the next spec.
  await query(
    `update "PriceExperiment" set status = 'ended', "endedAt" = now() where name = $1 and status = 'running'`,
    [NAME],
  );
});

test("an admin runs a 50/50 price test on Pro, a visitor shown B pays B's price, and the result shows it", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await signIn(page, demo.admin);
  await page.goto("/admin/experiments");
  await expect(page.getByRole("heading", { name: "Price experiments" })).toBeVisible();
  await page.getByLabel("Name").fill(NAME);
  await page.getByLabel("A (control) share").fill("50");
  await page.getByLabel("B share").fill("50");
  // A refused form says what is wrong, next to the field.
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Variant B: set the prices of at least one plan")).toBeVisible();
  await page.getByLabel("Pro monthly ($)").first().fill("59");
  await page.getByLabel("Pro annual ($)").first().fill("590");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: NAME })).toBeVisible();
  await page.getByRole("button", { name: "Start experiment" }).click();
  await expect(page.getByText("Running", { exact: true })).toBeVisible();
  await expect(page.getByText(/^Started /)).toBeVisible();

  const [experiment] = await query<{ id: string }>(`select id from "PriceExperiment" where name = $1`, [
    NAME,
  ]);
  const variants = await query<{ id: string; key: string }>(
    `select id, key from "ExperimentVariant" where "experimentId" = $1 order by key`,
    [experiment.id],
  );
  const [a, b] = variants;

  // Two visitors, two prices, both from the static page; the control sees the catalog.
  const visitorA = await visitorShown(browser, experiment.id, a.id, "a");
  const visitorB = await visitorShown(browser, experiment.id, b.id, "b");
  await expect(async () => {
    await visitorB.goto("/pricing");
    await expect(proPrice(visitorB)).toHaveText("$59", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await visitorA.goto("/pricing");
  await expect(proPrice(visitorA)).toHaveText("$79");
  // The variant's copy is not reachable by its own address.
  await visitorA.goto(`/pricing/v/${b.id}`);
  await expect(visitorA).toHaveURL(/\/pricing$/);
  await expect(proPrice(visitorA)).toHaveText("$79");
  // The admin sees the control.
  await page.goto("/pricing");
  await expect(proPrice(page)).toHaveText("$79");

  for (const width of [375, 1280]) {
    await visitorB.setViewportSize({ width, height: 900 });
    await visitorB.goto("/pricing");
    await expect(proPrice(visitorB)).toHaveText("$59");
    await expectNoHorizontalScroll(visitorB);
    await expectAccessible(visitorB);
  }

  // Visitor B signs up from the pricing page, verifies, and pays B's price.
  const email = uniqueEmail("exp-b");
  await visitorB.getByRole("link", { name: "Choose Pro" }).click();
  await expect(visitorB).toHaveURL(/\/sign-up\?plan=pro&interval=month/);
  await visitorB.getByLabel("Email").fill(email);
  await visitorB.getByLabel("Password").fill("a very long password");
  await visitorB.getByRole("button", { name: "Create account" }).click();
  await expect(visitorB.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await visitorB.goto(linkIn((await latestEmail(email, "verify-email")).text, "/verify-email"));
  await expect(visitorB).toHaveURL(/\/checkout\/cs_local_/);
  await payWithTestCard(visitorB, "Pay $59");
  await expect(visitorB).toHaveURL(/\/dashboard\/billing\?subscribed=1/);
  await expect(visitorB.getByRole("region", { name: "Current plan" })).toContainText("$59");

  // The results: one paid conversion, in B.
  await page.goto(`/admin/experiments/${experiment.id}`);
  const results = page.getByRole("table", { name: "Variants and results" });
  const row = (key: string) =>
    results.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${key}`) }) });
  await expect(row("B")).toContainText("Pro: $59 a month");
  await expect(row("B").getByRole("cell").nth(4)).toHaveText("1");
  await expect(row("A").getByRole("cell").nth(4)).toHaveText("0");
  await expect(page.getByText(/^Too early to call:/)).toBeVisible();
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  }

  // End: revert. Everyone sees the catalog again; the subscriber keeps $59.
  await page.getByRole("button", { name: "Revert to control" }).click();
  await page.getByRole("button", { name: "Yes, revert" }).click();
  await expect(page.getByText("Reverted: the catalog kept its prices.")).toBeVisible();
  await expect(async () => {
    await visitorB.goto("/pricing");
    await expect(proPrice(visitorB)).toHaveText("$79", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await visitorB.goto("/dashboard/billing");
  await expect(visitorB.getByRole("region", { name: "Current plan" })).toContainText("$59");
});
