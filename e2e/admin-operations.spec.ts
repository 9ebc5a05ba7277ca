import { readFileSync } from "node:fs";
import {
  demo,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  signIn,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";

test("an admin finds a user, grants credits with a reason, the user sees them, and the audit log shows and exports it", async ({
  browser,
}) => {
  const email = uniqueEmail("granted");
  const workspaceName = `${email.split("@")[0]}'s workspace`;
  const reason = `Goodwill for the outage ${Date.now()}`;

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signUpVerified(user, email);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin);

  // Find the user by email, open them, then their workspace.
  await admin.goto("/admin/users");
  await admin.getByLabel("Email or name").fill(email);
  await admin.getByRole("button", { name: "Apply" }).click();
  await expect(admin).toHaveURL(/q=/);
  await expectAccessible(admin);
  await admin.getByRole("link", { name: email }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(email);
  await expectAccessible(admin);
  await admin.getByRole("link", { name: workspaceName }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(workspaceName);
  await expectAccessible(admin);

  // Grant 250 credits with a reason on the Ledger tab.
  await admin
    .getByRole("navigation", { name: "Workspace sections" })
    .getByRole("link", { name: "Ledger" })
    .click();
  await expect(admin).toHaveURL(/tab=ledger/);
  await admin.getByLabel("Direction").selectOption({ label: "Grant credits" });
  await admin.getByLabel("Amount (credits)").fill("250");
  await admin.getByLabel("Reason").fill(reason);
  await admin.getByRole("button", { name: "Grant credits" }).click();
  await expect(
    admin.getByRole("status").filter({ hasText: `Granted 250 credits to ${workspaceName}.` }),
  ).toBeVisible();
  await admin.reload();
  await expect(admin.getByRole("cell", { name: reason })).toBeVisible();
  await expectAccessible(admin);
  await admin.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(admin);
  await admin.setViewportSize({ width: 1280, height: 800 });

  // The user sees the credits and the reason on their Credits page.
  await user.goto("/dashboard/credits");
  // On top of the free plan's 1,000 credits of the month.
  await expect(user.getByRole("region", { name: "Current balance" })).toContainText("1,250 credits");
  await expect(user.getByRole("cell", { name: new RegExp(reason) })).toBeVisible();
  await userContext.close();

  // The audit log shows the grant, exports it, and the chain verifies.
  await admin.getByRole("link", { name: "Audit log" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await admin.getByLabel("Action", { exact: true }).selectOption("credits.adjust");
  await admin.getByRole("button", { name: "Apply" }).click();
  await expect(admin).toHaveURL(/action=credits.adjust/);
  const entries = admin.getByRole("region", { name: "Audit entries, newest first" });
  await expect(entries.getByRole("row").nth(1)).toContainText(demo.admin.email);
  // The entry's changes open as a readable diff (lib/audit/diff.ts).
  await entries
    .getByRole("row")
    .nth(1)
    .getByText(/\d+ fields?/)
    .click();
  await expect(entries.getByRole("row").nth(1)).toContainText(reason);
  await expectAccessible(admin);

  const download = admin.waitForEvent("download");
  await admin.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-log-.*\.csv$/);
  const csv = readFileSync(await file.path(), "utf8");
  expect(csv.split("\n")[0]).toContain("action");
  expect(csv).toContain("credits.adjust");
  expect(csv).toContain(reason);
  await expect(admin.getByText(/Exported (\d[\d,]*) of \1 entr(y|ies) — saved as audit-log-/)).toBeVisible();

  await admin.getByRole("button", { name: "Verify chain" }).click();
  await expect(admin.getByText(/Chain intact: [\d,]+ entr(y|ies) verified/)).toBeVisible();
  await admin.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(admin);
  await adminContext.close();
});

test("an admin reads the analytics dashboard for a chosen range and downloads a table as CSV", async ({
  page,
}) => {
  await signIn(page, demo.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Analytics" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
  for (const section of [
    "Recurring revenue",
    "Credits sold vs consumed",
    "Provider cost vs revenue",
    "Sign-up funnel",
    "Usage by hour and model",
    "System health",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  // Demo sign-ups happened today, so the funnel of the last 7 days counts them.
  await page
    .getByRole("navigation", { name: "Date range presets" })
    .getByRole("link", { name: "Last 7 days" })
    .click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole("heading", { level: 2, name: "Sign-up funnel" })).toBeVisible();
  await expect(page.getByRole("link", { name: "overview’s health panel" })).toBeVisible();
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV: Funnel" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^funnel-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = readFileSync(await file.path(), "utf8")
    .trim()
    .split("\n");
  expect(header.length).toBeGreaterThan(0);
  expect(rows.length).toBeGreaterThan(0);

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "System health" })).toBeVisible();
  await expectNoHorizontalScroll(page);
});
