import { readFileSync } from "node:fs";
import { E2E_ADMIN_API_KEY, demo, expect, expectAccessible, signIn, test } from "./support";

test("a user creates an API key, an app calls /api/v1/usage with it, and the dashboard shows the calls", async ({
  page,
  request,
}) => {
  await signIn(page, demo.grace);
  await page.goto("/dashboard/api-keys");
  await expectAccessible(page);
  await page.getByLabel("Name").fill("Poster app");
  await page.getByRole("button", { name: "Create API key" }).click();
  const keyField = page.getByRole("textbox", { name: "Your new API key" });
  await expect(keyField).toBeVisible();
  const key = await keyField.inputValue();
  expect(key).toMatch(/^tg_/);
  await expectAccessible(page);

  // On the free plan the day's 50 quota units pay first; the calls after them draw credits.
  const onQuota = await request.post("/api/v1/usage", {
    headers: { authorization: `Bearer ${key}` },
    data: { model: "poster-editor:inpaint-standard", quantity: 50 },
  });
  expect(onQuota.status()).toBe(200);
  expect(await onQuota.json()).toMatchObject({ billedTo: "quota", charged: { millicredits: 0 } });
  const before = (
    await (await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } })).json()
  ).balance.millicredits as number;

  // The company's backend grants credits through the management API.
  const me = await (await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } })).json();
  const grant = await request.post(`/api/v1/admin/workspaces/${me.workspace.id}/credits`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_API_KEY}` },
    data: { millicredits: 100_000, reason: "Trial credits", idempotencyKey: `trial-${me.workspace.id}` },
  });
  expect(grant.status()).toBe(200);

  // A script makes three calls: 3 × (2 images × 12 credits) = 72 credits.
  for (let i = 0; i < 3; i++) {
    const res = await request.post("/api/v1/usage", {
      headers: { authorization: `Bearer ${key}`, "Idempotency-Key": `poster-${i}` },
      data: { model: "poster-editor:inpaint-standard", quantity: 2 },
    });
    expect(res.status()).toBe(200);
    expect(res.headers()["x-ratelimit-limit"]).toBeTruthy();
  }
  const replay = await request.post("/api/v1/usage", {
    headers: { authorization: `Bearer ${key}`, "Idempotency-Key": "poster-0" },
    data: { model: "poster-editor:inpaint-standard", quantity: 2 },
  });
  expect(replay.headers()["idempotent-replayed"]).toBe("true");

  await page.goto("/dashboard");
  const left = (before + 100_000 - 72_000) / 1000;
  await expect(page.getByRole("region", { name: "Balance" })).toContainText(
    `${left.toLocaleString("en-US")} credits`,
  );
  await expect(
    page
      .getByRole("img", { name: /Quota units used per day by model/ })
      .or(page.getByLabel(/Quota units used per day by model/)),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Usage totals by model, last 30 days" })).toContainText(
    "poster-editor:inpaint-standard",
  );
  await expectAccessible(page);

  await page.goto("/dashboard/usage");
  const table = page.getByRole("region", { name: "Usage events, newest first" });
  await expect(table.getByRole("row")).toHaveCount(5); // header + 4 calls
  await expect(table).toContainText("poster-editor:inpaint-standard");
  await expectAccessible(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  expect(csv.trim().split("\n")).toHaveLength(5);

  await page.goto("/dashboard/credits");
  await expect(page.getByRole("region", { name: "Credit ledger, newest first" })).toContainText(
    "Trial credits",
  );
  await expectAccessible(page);

  // Revoking the key stops it at once.
  await page.goto("/dashboard/api-keys");
  await page.getByRole("button", { name: "Revoke Poster app" }).click();
  await page.getByRole("button", { name: "Yes, revoke Poster app" }).click();
  await expect(page.getByRole("region", { name: "API keys" })).toContainText("Revoked");
  const after = await request.post("/api/v1/usage", {
    headers: { authorization: `Bearer ${key}` },
    data: { model: "poster-editor:inpaint-standard" },
  });
  expect(after.status()).toBe(401);
});
