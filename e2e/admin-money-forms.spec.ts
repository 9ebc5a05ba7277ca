import { E2E_ADMIN_API_KEY, demo, expect, signIn, test, uniqueEmail } from "./support";

// React resets a form after its action; a select that jumped back to its first option while the
// button still said "Deduct" once turned a deduction into a grant (1,300 -> 11,299 credits).

test("an admin deducts credits after a refused submit: the balance goes down and the select still says Deduct", async ({
  page,
  request,
}) => {
  const auth = { authorization: `Bearer ${E2E_ADMIN_API_KEY}` };
  const created = await request.post("/api/v1/admin/workspaces", {
    headers: auth,
    data: { name: `Deduct after refusal ${Date.now()}`, ownerEmail: uniqueEmail("deduct") },
  });
  expect(created.status()).toBe(201);
  const { id, name } = await created.json();
  const grant = await request.post(`/api/v1/admin/workspaces/${id}/credits`, {
    headers: auth,
    data: { millicredits: 1_300_000, reason: "Opening balance", idempotencyKey: `open-${id}` },
  });
  expect(grant.status()).toBe(200);

  await signIn(page, demo.admin);
  await page.goto(`/admin/workspaces/${id}?tab=ledger`);
  await expect(page.getByText("Balance: 2,300 credits.")).toBeVisible();
  const direction = page.getByLabel("Direction");

  // Deduct without a reason: refused, nothing moves, and the form still reads Deduct everywhere.
  await direction.selectOption({ label: "Deduct credits" });
  await page.getByLabel("Amount (credits)").fill("300");
  await page.getByRole("button", { name: "Deduct credits" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Please correct the highlighted fields." }),
  ).toBeVisible();
  await expect(direction).toHaveValue("deduct");
  await expect(direction.locator("option:checked")).toHaveText("Deduct credits");
  await expect(page.getByRole("button", { name: "Deduct credits" })).toBeVisible();
  await expect(page.getByText("Balance: 2,300 credits.")).toBeVisible();

  // Corrected and sent again with the same button: the balance goes down by the amount.
  await expect(page.getByLabel("Amount (credits)")).toHaveValue("300");
  await page.getByLabel("Reason").fill("Charge-back for a duplicate grant");
  await page.getByRole("button", { name: "Deduct credits" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Deducted 300 credits from ${name}.` }),
  ).toBeVisible();
  await expect(page.getByText("Balance: 2,000 credits.")).toBeVisible();
  await expect(direction).toHaveValue("deduct");
  await expect(page.getByRole("button", { name: "Deduct credits" })).toBeVisible();

  const after = await request.get(`/api/v1/admin/workspaces/${id}`, { headers: auth });
  expect((await after.json()).balance).toMatchObject({ millicredits: 2_000_000 }); // with the free plan's 1,000 credits of the month;
});

test("the coupon form keeps the chosen kind and its field after an invalid submit", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto("/admin/coupons");
  const kind = page.getByLabel("Kind");
  await kind.selectOption({ label: "Percent off at checkout" });
  await page.getByLabel("Percent off").fill("250");
  await page.getByRole("button", { name: "Create coupon" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(kind).toHaveValue("percent_off");
  await expect(page.getByLabel("Percent off")).toBeVisible();
  await expect(page.getByLabel("Credits", { exact: true })).toHaveCount(0);
});
