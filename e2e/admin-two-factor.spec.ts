import pg from "pg";
import { demo, E2E_DB_URL, expect, signIn, test } from "./support";

// An admin can require two-factor for the admin role; an admin without it is then sent to enrol
// instead of into the console. The setting is switched back off whatever happens, so the other
// specs' admin keeps working with a password alone.
async function requireAdminTwoFactor(on: boolean) {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    await client.query(
      `insert into "Setting" (key, value, "updatedAt") values ('requireAdminTwoFactor', $1::jsonb, now())
       on conflict (key) do update set value = excluded.value, "updatedAt" = now()`,
      [JSON.stringify(on)],
    );
  } finally {
    await client.end();
  }
}

test.afterEach(() => requireAdminTwoFactor(false));

test("an admin cannot require two-factor before setting up their own", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto("/admin/audit");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Security" }).click();
  await expect(page).toHaveURL(/\/admin\/security$/);
  await expect(page.getByRole("row", { name: new RegExp(demo.admin.email) })).toContainText("Off");
  await page.getByLabel("Require two-factor authentication for admins").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Turn on two-factor authentication for your own account first")).toBeVisible();
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/admin\/audit/);
});

test("with the setting on, an admin without two-factor is sent to enrolment instead of the console", async ({
  page,
}) => {
  await signIn(page, demo.admin);
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/admin\/audit/);

  // Another admin (with two-factor) turned the requirement on.
  await requireAdminTwoFactor(true);
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/dashboard\/settings\/security\?required=admin/);
  await expect(page.getByText("The admin console requires two-factor authentication.")).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
});
