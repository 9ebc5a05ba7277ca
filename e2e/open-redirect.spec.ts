import { demo, expect, test } from "./support";

// After signing in, a callbackUrl that points off the site lands on the dashboard instead.
const hostile = [
  "/%5Cevil.example/x",
  "/%5C%5Cevil.example/x",
  "//evil.example/x",
  "/%09/evil.example/x",
  "/%5C%09/evil.example",
  "https://evil.example/x",
  "javascript:alert(document.domain)",
];

for (const target of hostile) {
  test(`sign-in refuses to send the browser to ${target}`, async ({ page, baseURL }) => {
    await page.goto(`/sign-in?callbackUrl=${target}`);
    await page.getByLabel("Email").fill(demo.ada.email);
    await page.getByLabel("Password").fill(demo.ada.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseURL}/dashboard`);
    expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
  });
}

test("a same-site callbackUrl is still honoured", async ({ page }) => {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/dashboard/settings")}`);
  await page.getByLabel("Email").fill(demo.ada.email);
  await page.getByLabel("Password").fill(demo.ada.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard\/settings$/);
});
