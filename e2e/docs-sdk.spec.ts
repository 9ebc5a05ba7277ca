import { readFileSync } from "node:fs";
import {
  E2E_ADMIN_API_KEY,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  test,
  uniqueEmail,
} from "./support";

// The docs a developer reads to wire Tollgate into an app: the SDK quickstarts and the LLM guide
// (samples copied exactly as the typechecked files under docs/snippets), and the API reference's
// try-it console sending real requests with a key the developer pastes.

const PAGES = [
  {
    nav: "TypeScript SDK",
    sections: [
      "Install",
      "Meter a route with withTollgate",
      "Handle refusals with typed errors",
      "Session tokens for the browser",
    ],
    code: "withTollgate(",
  },
  {
    nav: "Python SDK",
    sections: [
      "Install",
      "Meter a function",
      "Handle refusals with typed exceptions",
      "Unknown costs: hold, then commit",
    ],
    code: "@tg.meter(",
  },
  {
    nav: "React components",
    sections: [
      "Install and allow your origin",
      "Wrap your app in TollgateProvider",
      "Turn refusals into upgrades",
    ],
    code: "<UpgradePrompt",
  },
  {
    nav: "Metering an LLM call",
    sections: [
      "Known cost or unknown cost?",
      "Hold, call the model, commit",
      "Streaming with meter.stream",
      "Or: the OpenAI-compatible proxy",
      "Idempotency keys and retries",
      "What the user sees on 402, 403 and 429",
    ],
    code: "meter.hold(",
  },
] as const;

test("a developer reads each SDK quickstart and the LLM guide through the docs navigation and copies a sample", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.goto("/docs");
  await expect(page.getByRole("heading", { level: 1, name: "Developer docs" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("link", { name: /^API reference/ })
    .last()
    .click();
  const nav = page.getByRole("navigation", { name: "Documentation" });
  await expect(nav.getByRole("link", { name: "API reference" })).toHaveAttribute("aria-current", "page");

  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    for (const docs of PAGES) {
      await nav.getByRole("link", { name: docs.nav }).click();
      await expect(page.getByRole("heading", { level: 1, name: docs.nav })).toBeVisible();
      await expect(nav.getByRole("link", { name: docs.nav })).toHaveAttribute("aria-current", "page");
      for (const section of docs.sections)
        await expect(page.getByRole("heading", { level: 2, name: section, exact: true })).toBeVisible();
      await expect(page.getByRole("region").filter({ hasText: docs.code }).first()).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
    }
  }

  // What a developer copies is the typechecked file itself.
  await nav.getByRole("link", { name: "TypeScript SDK" }).click();
  await page.getByRole("button", { name: "Copy: Meter a Next.js route (TypeScript)" }).click();
  await expect(
    page.getByRole("button", { name: "Copied: Meter a Next.js route (TypeScript)" }),
  ).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(readFileSync("docs/snippets/typescript/route.ts", "utf8").trimEnd());

  // The guide's samples switch between TypeScript and Python by keyboard.
  await nav.getByRole("link", { name: "Metering an LLM call" }).click();
  const holdTabs = page.getByRole("tablist", { name: "Hold, call, commit" });
  await holdTabs.getByRole("tab", { name: "TypeScript" }).click();
  await page.keyboard.press("ArrowRight");
  await expect(holdTabs.getByRole("tab", { name: "Python" })).toBeFocused();
  await expect(page.getByRole("region", { name: "Hold, call, commit: Python" })).toContainText(
    "with tg.meter.hold(",
  );
});

test("a developer pastes a real key into the API reference's try-it console: /me answers 200 with the balance, a bad usage body 400", async ({
  page,
  request,
}) => {
  const admin = { authorization: `Bearer ${E2E_ADMIN_API_KEY}` };
  const created = await request.post("/api/v1/admin/workspaces", {
    headers: admin,
    data: { name: `Try it ${Date.now()}`, ownerEmail: uniqueEmail("try-it") },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const issued = await request.post(`/api/v1/admin/workspaces/${id}/api-keys`, {
    headers: admin,
    data: { name: "Docs console" },
  });
  expect(issued.status()).toBe(201);
  const { key } = await issued.json();
  const balance = async () =>
    (await (await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } })).json()).balance
      .millicredits as number;
  const before = await balance();

  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/docs/api");

    const me = page.locator("#getMe");
    await me.getByText("Try it", { exact: true }).click();
    const meForm = me.getByRole("form", { name: "Try GET /api/v1/me" });
    await expect(meForm).toContainText("never stored or logged");
    await meForm.getByLabel("API key (tg_… or tgs_…)").fill(key);
    await meForm.getByRole("button", { name: "Send request" }).click();
    await expect(meForm.locator("p", { hasText: "Response: 200" })).toBeVisible();
    await expect(meForm.getByRole("region", { name: "GET /api/v1/me response body" })).toContainText(
      `"millicredits": ${before}`,
    );
    await expect(meForm.getByText("X-Request-Id")).toBeVisible();

    // The key pasted once serves every console; POST /usage warns that it charges.
    const usage = page.locator("#recordUsage");
    await usage.getByText("Try it", { exact: true }).click();
    const usageForm = usage.getByRole("form", { name: "Try POST /api/v1/usage" });
    await expect(usageForm.getByText("This really charges the workspace")).toBeVisible();
    await expect(usageForm.getByLabel("API key (tg_… or tgs_…)")).toHaveValue(key);
    await expect(usageForm.getByLabel("Request body (JSON)")).toHaveValue(/"model": "poster-editor:/);
    await usageForm
      .getByLabel("Request body (JSON)")
      .fill(JSON.stringify({ model: "poster-editor:inpaint-standard", quantity: -1 }));
    await usageForm.getByRole("button", { name: "Send request" }).click();
    await expect(usageForm.locator("p", { hasText: "Response: 400" })).toBeVisible();
    await expect(usageForm.getByRole("region", { name: "POST /api/v1/usage response body" })).toContainText(
      '"code": "invalid_request"',
    );

    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  }
  expect(await balance()).toBe(before);
});
