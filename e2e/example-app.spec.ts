import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import {
  E2E_ADMIN_API_KEY,
  E2E_DB_URL,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  test,
  uniqueEmail,
} from "./support";

// The example app (examples/poster-app) against this server: its backend mints a customer session
// token and meters POST /api/generate with @tollgate/sdk; its page is built from @tollgate/react.
// A free workspace with overage off and 48 of its 50 daily quota units used: two posters fit, the
// third is refused with 429 quota_exceeded and the upgrade prompt opens.

const tollgateUrl = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
const exampleUrl = `http://localhost:${process.env.EXAMPLE_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 100}`;
const admin = { authorization: `Bearer ${E2E_ADMIN_API_KEY}` };

let app: ChildProcess | null = null;
test.afterAll(() => {
  app?.kill("SIGTERM");
});

async function startExampleApp(apiKey: string) {
  app = spawn(process.execPath, ["--import", "tsx", "examples/poster-app/server.ts"], {
    env: {
      ...process.env,
      PORT: new URL(exampleUrl).port,
      TOLLGATE_URL: tollgateUrl,
      TOLLGATE_ADMIN_API_KEY: E2E_ADMIN_API_KEY,
      TOLLGATE_API_KEY: apiKey,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  app.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    app!.stdout?.on("data", (d: Buffer) => String(d).includes("Poster app on") && resolve());
    app!.on("exit", (code) => reject(new Error(`The example app exited (${code}): ${output}`)));
  });
}

test("the example app shows plan locks, meters generating and opens the upgrade prompt on a 429", async ({
  page,
  request,
}) => {
  const created = await request.post("/api/v1/admin/workspaces", {
    headers: admin,
    data: { name: "Poster studio", ownerEmail: uniqueEmail("poster") },
  });
  expect(created.status()).toBe(201);
  const workspace = (await created.json()) as { id: string };
  const issued = await request.post(`/api/v1/admin/workspaces/${workspace.id}/api-keys`, {
    headers: admin,
    data: { name: "Poster app" },
  });
  const { key } = (await issued.json()) as { key: string };
  // Overage off (a dashboard setting): past the quota, calls are refused instead of drawing credits.
  const db = new pg.Client({ connectionString: E2E_DB_URL });
  await db.connect();
  await db.query(`update "Workspace" set "overageEnabled" = false where id = $1`, [workspace.id]);
  await db.end();
  const spent = await request.post("/api/v1/usage", {
    headers: { authorization: `Bearer ${key}` },
    data: { model: "poster-editor:inpaint-standard", quantity: 48 },
  });
  expect(spent.status()).toBe(200);
  await startExampleApp(key);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(exampleUrl);
  await expect(page.getByRole("heading", { name: "Poster studio" })).toBeVisible();

  // Locks from the session token: the free plan has Inpaint Standard; Pro and Enterprise unlock the rest.
  const picker = page.getByRole("group", { name: "Model" });
  await expect(picker.getByRole("radio", { name: /Inpaint Standard/ })).toBeChecked();
  await expect(picker.getByRole("radio", { name: /Inpaint Pro/ })).toBeDisabled();
  await expect(picker).toContainText("Upgrade to Pro to unlock");
  await expect(picker.getByRole("radio", { name: /Super Resolution/ })).toBeDisabled();
  await expect(picker).toContainText("Upgrade to Enterprise to unlock");
  await expect(picker.getByRole("link", { name: /Upgrade to Pro for Inpaint Pro/ })).toHaveAttribute(
    "href",
    `${tollgateUrl}/dashboard/billing?plan=pro`,
  );

  const meter = page.getByRole("meter", { name: "Daily quota" });
  await expect(meter).toHaveAttribute("aria-valuenow", "48");
  await expect(page.getByText("48 / 50 used")).toBeVisible();
  await expect(page.getByText(/Only 2 left · resets in/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Plans" })).toContainText("Current plan");
  await expectAccessible(page);

  const generate = page.getByRole("button", { name: "Generate" });
  await generate.click();
  await expect(meter).toHaveAttribute("aria-valuenow", "49");
  await expect(page.getByRole("list", { name: "Your posters" })).toContainText("Summer sale");
  await generate.click();
  await expect(meter).toHaveAttribute("aria-valuenow", "50");
  await expect(page.getByText(/Used up · resets in/)).toBeVisible();

  // The third poster does not fit: 429 quota_exceeded, and the prompt says what to do.
  await generate.click();
  const dialog = page.getByRole("dialog", { name: "Daily quota used up" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/resets in .* UTC\)\. Upgrade for a bigger daily quota\./);
  await expect(dialog.getByRole("link", { name: "Upgrade plan" })).toHaveAttribute(
    "href",
    `${tollgateUrl}/dashboard/billing`,
  );
  await expect(page.getByRole("list", { name: "Your posters" }).getByRole("listitem")).toHaveCount(2);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/example-app-1280-prompt.png" });
  // Focus stays in the dialog: Not now, Upgrade plan, and round again.
  await expect(dialog.getByRole("button", { name: "Not now" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("link", { name: "Upgrade plan" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Not now" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(generate).toBeFocused();

  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: "test-results/example-app-375.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/example-app-375-dark.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/example-app-1280-dark.png", fullPage: true });
});
