import { readFileSync } from "node:fs";
import {
  demo,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  signIn,
  test,
  uniqueEmail,
} from "./support";

// The shared admin list (components/admin/admin-list.tsx): sorting by a column header (sort in the
// URL), a streamed CSV export of every matching row, and audit entries as a readable diff.

test("an admin sorts workspaces by a column and exports users as CSV", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto("/admin/workspaces");
  const table = page.getByRole("region", { name: "Workspaces" });
  await table.getByRole("link", { name: /^Balance \(credits\)/ }).click();
  await expect(page).toHaveURL(/sort=balance&dir=asc/);
  await expect(table.getByRole("columnheader", { name: /Balance/ })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  // A second click reverses it; the figures in the column go from largest to smallest.
  await table.getByRole("link", { name: /^Balance \(credits\)/ }).click();
  await expect(page).toHaveURL(/sort=balance&dir=desc/);
  const balances = (await table.locator("td[data-money]").allInnerTexts()).map((t) =>
    Number(t.replace(/[^\d.-]/g, "")),
  );
  expect(balances.length).toBeGreaterThan(1);
  expect(balances).toEqual([...balances].sort((a, b) => b - a));
  // A made-up sort is ignored: the default list, no error.
  await page.goto("/admin/workspaces?sort=passwordHash&dir=up");
  await expect(page.getByRole("heading", { level: 1, name: "Workspaces" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/admin/users?q=${encodeURIComponent(demo.admin.email)}`);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^users-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await file.path(), "utf8");
  expect(csv.split("\r\n")[0]).toBe(
    "id,email,name,role,email_verified_at,plan,account_type,status,signed_up_at",
  );
  expect(csv).toContain(`,${demo.admin.email},`);
  await expect(page.getByText(/Exported 1 of 1 user — saved as users-/)).toBeVisible();
  await expectAccessible(page);
});

test("an audit entry shows what changed in people's units", async ({ page }) => {
  await signIn(page, demo.admin);
  const code = uniqueEmail("cp")
    .split("@")[0]
    .replace(/[^a-z0-9]/gi, "")
    .slice(0, 20)
    .toUpperCase();
  await page.goto("/admin/coupons");
  await page.getByLabel("Code").fill(code);
  await page.getByRole("textbox", { name: "Credits", exact: true }).fill("1500");
  await page.getByRole("button", { name: "Create coupon" }).click();
  await expect(page.getByText(`Coupon ${code} created.`)).toBeVisible();

  await page.goto("/admin/audit?action=coupon.create");
  const row = page.getByRole("region", { name: "Audit entries, newest first" }).getByRole("row").nth(1);
  await row.getByText(/Created with \d+ fields/).click();
  // Credits, not millicredits; a formatted date, not an ISO string (the raw JSON is one click further).
  const diff = row.locator("dl");
  await expect(diff).toContainText("1,500 credits");
  await expect(diff).not.toContainText("1500000");
  await expect(diff).toContainText(/Created at\s*\w{3} \d{1,2}, \d{4}/);
  await expectAccessible(page);
});

test("admin lists fit a phone: no horizontal page scroll at 375 px", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of [
    "/admin/users",
    "/admin/workspaces",
    "/admin/payments",
    "/admin/audit",
    "/admin/coupons",
  ]) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/admin/payments");
  await expectNoHorizontalScroll(page);
});
