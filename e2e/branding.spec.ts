import type { Page } from "@playwright/test";
import pg from "pg";
import {
  E2E_DB_URL,
  demo,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  latestEmail,
  signIn,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";

// The admin brands the install; the storefront, an email and a receipt carry it. The brand is put
// back at the end (other specs read the default name in email subjects).
const LOGO = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#115e59"/></svg>',
);
const TEAL = "rgb(17, 94, 89)";

async function saveBrand(page: Page, fields: Record<string, string>) {
  await page.goto("/admin/branding");
  for (const [label, value] of Object.entries(fields))
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "Save branding" }).click();
}

async function insertPayment(email: string) {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `insert into "Payment" (id, "workspaceId", provider, kind, description, "amountCents", status, millicredits)
       select 'pay_brand_' || substr(md5(random()::text), 1, 12), m."workspaceId", 'local', 'credit_pack',
              'Credit pack: 50,000 credits', 5000, 'paid', 50000000
       from "Membership" m join "User" u on u.id = m."userId" where u.email = $1 limit 1
       returning id`,
      [email],
    );
    return rows[0].id;
  } finally {
    await client.end();
  }
}

test("the admin brands the install: the storefront, emails and receipts show the name, logo and colour", async ({
  page,
  browser,
}) => {
  await signIn(page, demo.admin);
  await page.goto("/admin/branding");
  await expectAccessible(page);

  // A colour that fails WCAG AA is refused with the reason, and nothing is saved.
  await saveBrand(page, { "Company name": "Lumen Labs", "Primary colour": "#fde047" });
  await expect(page.getByText(/contrast of 1\.\d+:1 .* WCAG AA needs 4\.5:1/)).toBeVisible();
  await expect(page.getByLabel("Primary colour", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Primary colour", { exact: true }).fill("#115e59");
  await page.getByLabel("Support email").fill("help@lumen.test");
  await page.getByLabel("Legal name").fill("Lumen Labs Ltd");
  await page.getByLabel("Landing page headline").fill("Video, posters and chat from Lumen Labs");
  await page
    .getByLabel("Logo", { exact: true })
    .setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: LOGO });
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Branding saved.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Current logo" })).toBeVisible();
  await expectAccessible(page);

  // The storefront, as a visitor, on a desktop and on a phone.
  for (const width of [1280, 375]) {
    const visitor = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await expect(async () => {
      await visitor.goto("/");
      await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(
        "Video, posters and chat from Lumen Labs",
        {
          timeout: 1000,
        },
      );
    }).toPass({ timeout: 15_000 });
    await expect(visitor).toHaveTitle(/Lumen Labs/);
    const header = visitor.getByRole("banner");
    if (width > 360) await expect(header).toContainText("Lumen Labs");
    const logo = header.locator('img[src^="/brand/logo?v="]');
    await expect(logo).toBeVisible();
    expect((await visitor.request.get((await logo.getAttribute("src"))!)).headers()["content-type"]).toBe(
      "image/svg+xml",
    );
    const cta = visitor.getByRole("link", { name: "Start for free" });
    await expect(cta).toHaveCSS("background-color", TEAL);
    // The storefront sells the catalog's apps and plans, and signs people up.
    await expect(visitor.getByRole("heading", { name: "Video Generator" })).toBeVisible();
    await expect(visitor.getByTestId("plan-pro")).toBeVisible();
    await expect(visitor.getByRole("contentinfo")).toContainText("help@lumen.test");
    await expectAccessible(visitor);
    await expectNoHorizontalScroll(visitor);
    if (width === 375) {
      // The header's links are in a menu on phones, and the keyboard can open and close it.
      await visitor.getByRole("button", { name: "Open menu" }).focus();
      await visitor.keyboard.press("Enter");
      const menu = visitor.getByRole("dialog", { name: "Menu" });
      await expect(menu.getByRole("link", { name: "Pricing" })).toBeVisible();
      await expectAccessible(visitor);
      await visitor.keyboard.press("Escape");
      await expect(menu).toBeHidden();
      await expect(visitor.getByRole("button", { name: "Open menu" })).toBeFocused();
      await visitor.getByRole("button", { name: "Open menu" }).click();
      await menu.getByRole("link", { name: "Pricing" }).click();
      await expect(visitor).toHaveURL(/\/pricing$/);
      await expect(visitor).toHaveTitle("Pricing · Lumen Labs");
    }
    await visitor.context().close();
  }

  // An email: the subject and the layout name the company, with its logo and support address.
  const email = uniqueEmail("brand");
  const subscriber = await (await browser.newContext()).newPage();
  await signUpVerified(subscriber, email);
  const verify = await latestEmail(email, "verify-email");
  expect(verify.subject).toBe("Confirm your email for Lumen Labs");
  expect(verify.text).toContain("help@lumen.test");
  await page.goto("/admin/emails?template=welcome");
  const preview = page.frameLocator("iframe[sandbox]");
  await expect(preview.getByText("Lumen Labs", { exact: true })).toBeVisible();
  await expect(preview.locator('img[src*="/brand/logo?v="]')).toHaveCount(1);
  await expect(preview.getByText("Lumen Labs Ltd")).toBeVisible();

  // A receipt names the seller.
  const paymentId = await insertPayment(email);
  for (const width of [1280, 375]) {
    await subscriber.setViewportSize({ width, height: 900 });
    await subscriber.goto(`/dashboard/billing/receipts/${paymentId}`);
    await expect(subscriber.getByTestId("receipt-seller")).toHaveText("Lumen Labs");
    await expect(subscriber.getByRole("heading", { name: "Receipt" })).toBeVisible();
    await expectAccessible(subscriber);
    await expectNoHorizontalScroll(subscriber);
  }

  // Put the default brand back.
  await saveBrand(page, {
    "Company name": "Demo AI Studio",
    "Primary colour": "#4338ca",
    "Support email": "",
    "Legal name": "",
    "Landing page headline": "AI apps for video, images and chat, on one account",
  });
  // The form resets when a save completes, so the logo is removed in a save of its own.
  await expect(page.getByText("Branding saved.")).toBeVisible();
  await page.goto("/admin/branding");
  await page.getByLabel("Remove the logo").check();
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Branding saved.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Current logo" })).toHaveCount(0);
});
