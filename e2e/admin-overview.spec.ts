import type { Page } from "@playwright/test";
import { demo, expect, expectAccessible, expectNoHorizontalScroll, signIn, test } from "./support";

/**
 * KPI tiles side by side or stacked, never on top of each other, and no value wider than its tile,
 * even with figures as long as a big business has (written into the tiles for the check).
 */
async function expectTilesApart(page: Page) {
  const tiles = page.getByRole("region", { name: "Key figures" }).locator("dl > div");
  expect(await tiles.count()).toBeGreaterThanOrEqual(6);
  await tiles.evaluateAll((els) =>
    els.forEach((el) => {
      const value = el.querySelector("dd");
      const target = value?.querySelector("a") ?? value;
      if (target) target.textContent = "$123,456,789,012.34";
    }),
  );
  const problems = await tiles.evaluateAll((els) => {
    const rects = els.map((e) => e.getBoundingClientRect());
    const out: string[] = [];
    rects.forEach((a, i) =>
      rects.slice(i + 1).forEach((b, j) => {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        if (!apart) out.push(`tiles ${i} and ${i + j + 1} overlap`);
      }),
    );
    els.forEach((el, i) => {
      for (const dd of el.querySelectorAll("dd"))
        if (dd.scrollWidth > dd.clientWidth + 1) out.push(`tile ${i}: "${dd.textContent}" overflows`);
    });
    return out;
  });
  expect(problems).toEqual([]);
}

test("an admin lands on the overview, reads MRR and health, and runs the ledger check now", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.admin.email);
  await page.getByLabel("Password").fill(demo.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  const figures = page.getByRole("region", { name: "Key figures" });
  await expect(figures.getByText("MRR", { exact: true })).toBeVisible();
  await expect(figures.getByText(/^\$[\d,]+(\.\d\d)?$/).first()).toBeVisible();
  await expect(figures.getByText(/vs 30 days ago|No change from 30 days ago/)).toBeVisible();
  await expect(
    figures.getByRole("link", { name: /failed payments needing attention, view list/ }),
  ).toHaveAttribute("href", "/admin/payments?status=failed");

  const health = page.getByRole("region", { name: /Health/ });
  await expect(health.getByRole("heading", { name: "Database round trip" })).toBeVisible();
  await expect(health.getByRole("heading", { name: "Job backlog" })).toBeVisible();
  await expect(health.getByRole("heading", { name: "Webhook deliveries failing" })).toBeVisible();
  // The test server has no email provider: the panel says so, and why emails stay queued.
  const email = health.locator('[data-check="email-provider"]');
  await expect(email).toContainText("Not configured");
  await expect(email).toContainText("Warning");
  await expect(email).toContainText("stay “Queued”");

  const ledger = health.locator('[data-check="ledger-check"]');
  await ledger.getByRole("button", { name: "Run the ledger check now" }).click();
  await expect(ledger.getByRole("status")).toContainText(
    /Ledger check done: [\d,]+ workspaces checked, all balances match\./,
  );
  await expect(ledger).toContainText("All balances match");
  await expect(ledger).toContainText("OK");
  await expect(ledger).toContainText(/Last run .+ UTC/);
  // The run is audited and shows in the activity feed in words.
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: `${demo.admin.email} ran the ledger check` })
      .first(),
  ).toBeVisible();

  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await expectTilesApart(page);

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await expectTilesApart(page);

  // The outbox says the same about queued emails.
  await page.goto("/admin/outbox?status=queued");
  await expect(page.getByText("No email provider is configured")).toBeVisible();
});

test("a subscriber still lands on the dashboard, and a deep link still wins for an admin", async ({
  page,
}) => {
  await signIn(page, demo.ada);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.context().clearCookies();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/admin/coupons")}`);
  await page.getByLabel("Email").fill(demo.admin.email);
  await page.getByLabel("Password").fill(demo.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/coupons$/);
});
