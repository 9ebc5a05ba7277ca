import pg from "pg";
import {
  E2E_ADMIN_API_KEY,
  E2E_DB_URL,
  expect,
  expectAccessible,
  signIn,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";

// A workspace's page shows each admin only the changes their role may make (the server actions
// refuse the rest regardless): read-only sees the figures and no forms; support sees credits,
// suspension, comp plans and key revocation.

async function setAdminRole(email: string, adminRole: "read_only" | "support") {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    await client.query(`update "User" set role = 'admin', "adminRole" = $2 where email = $1`, [
      email,
      adminRole,
    ]);
  } finally {
    await client.end();
  }
}

test("a read-only admin sees a workspace without its forms; a support admin gets them", async ({
  page,
  request,
}) => {
  const created = await request.post("/api/v1/admin/workspaces", {
    headers: { authorization: `Bearer ${E2E_ADMIN_API_KEY}` },
    data: { name: "Roles check", ownerEmail: uniqueEmail("roles-owner"), tier: "starter" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const key = await request.post(`/api/v1/admin/workspaces/${id}/api-keys`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_API_KEY}` },
    data: { name: "Render farm" },
  });
  expect(key.status()).toBe(201);

  const email = uniqueEmail("read-only-admin");
  await signUpVerified(page, email);
  await setAdminRole(email, "read_only");
  await page.context().clearCookies();
  await signIn(page, { email, password: "a very long password" });

  const base = `/admin/workspaces/${id}`;
  await page.goto(`${base}?tab=ledger`);
  await expect(page.getByText(/^Balance: /)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Grant or deduct credits" })).toHaveCount(0);
  await expect(page.getByLabel("Amount (credits)")).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(base);
  await expect(page.getByRole("heading", { name: "Roles check" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Suspend workspace" })).toHaveCount(0);
  await page.goto(`${base}?tab=subscription`);
  await expect(page.getByRole("button", { name: "Put on comp plan" })).toHaveCount(0);
  await page.goto(`${base}?tab=keys`);
  await expect(page.getByRole("rowheader", { name: "Render farm" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  // The role is read on every request: no new sign-in needed.
  await setAdminRole(email, "support");
  await page.reload();
  await expect(page.getByRole("button", { name: "Revoke Render farm" })).toBeVisible();
  await page.goto(`${base}?tab=ledger`);
  await expect(page.getByLabel("Amount (credits)")).toBeVisible();
  await page.goto(base);
  await expect(page.getByRole("button", { name: "Suspend workspace" })).toBeVisible();
  await page.goto(`${base}?tab=subscription`);
  await expect(page.getByRole("button", { name: "Put on comp plan" })).toBeVisible();
  await expectAccessible(page);
});
