import { expect, expectAccessible, expectNoHorizontalScroll, test } from "./support";

test("a developer reads the API docs from the site footer, switches code samples by keyboard and downloads the OpenAPI document", async ({
  page,
  request,
}) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "API docs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Getting started" })).toBeVisible();
  for (const h of ["Check and charge one call", "Create a chat completion", "Grant or deduct credits"]) {
    await expect(page.getByRole("heading", { level: 3, name: h })).toBeVisible();
  }
  await expectAccessible(page);

  // The tabs of the first example: arrow keys move between curl, JavaScript and Python.
  const section = page.locator("#recordUsage");
  const curl = section.getByRole("tab", { name: "curl" }).first();
  await curl.click();
  await expect(section.getByRole("tabpanel").first()).toContainText("curl");
  await page.keyboard.press("ArrowRight");
  await expect(section.getByRole("tab", { name: "JavaScript" }).first()).toBeFocused();
  await expect(section.getByRole("tabpanel").first()).toContainText("fetch(");
  await page.keyboard.press("ArrowRight");
  await expect(section.getByRole("tabpanel").first()).toContainText("requests.");

  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(page);

  const href = await page.getByRole("link", { name: "Download openapi.json" }).getAttribute("href");
  const doc = await (await request.get(href ?? "")).json();
  expect(doc.openapi).toMatch(/^3\.1\./);
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      "/api/v1/usage",
      "/api/v1/chat/completions",
      "/api/v1/admin/workspaces/{id}/credits",
    ]),
  );
});
