import {
  E2E_DB_URL,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";
import pg from "pg";

test("a workspace owner saves their own OpenAI key, sees only its last four characters, replaces and removes it", async ({
  page,
}) => {
  const secret = `sk-e2e-${Date.now()}-wxyz`;
  await signUpVerified(page, uniqueEmail("byok"));
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Provider keys" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Provider keys" })).toBeVisible();
  await expect(page.getByText("No key saved. Calls to OpenAI models are charged in credits.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("OpenAI API key").fill(secret);
  await page.getByRole("button", { name: "Save key" }).click();
  await expect(page.getByText("OpenAI key saved: •••• wxyz")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Your key", { exact: true })).toBeVisible();
  await expect(page.getByText("•••• wxyz").first()).toBeVisible();
  // The key never comes back to the browser, and is not stored in clear.
  expect(await page.content()).not.toContain(secret);
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    const rows = await client.query(
      `select row_to_json(k)::text as row from "ProviderKey" k where last4 = 'wxyz'`,
    );
    expect(rows.rowCount).toBe(1);
    expect(rows.rows[0].row).not.toContain(secret);
    const audit = await client.query(
      `select count(*)::int as n from "AuditLog" where before::text like $1 or after::text like $1`,
      [`%${secret}%`],
    );
    expect(audit.rows[0].n).toBe(0);
  } finally {
    await client.end();
  }
  await expectAccessible(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("button", { name: "Remove OpenAI key" }).click();
  await page.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByText("OpenAI key •••• wxyz removed.")).toBeVisible();
  await expect(page.getByText("No key saved. Calls to OpenAI models are charged in credits.")).toBeVisible();
});
