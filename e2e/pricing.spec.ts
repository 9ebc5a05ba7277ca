import { expect, expectAccessible, expectNoHorizontalScroll, test } from "./support";

test("a visitor compares plans: the annual toggle changes every price and the CTA carries plan and interval", async ({
  page,
}) => {
  await page.goto("/pricing");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByTestId("plan-pro")).toContainText("Most popular");
  const codes = ["starter", "pro", "enterprise"];
  const monthly = await Promise.all(codes.map((c) => page.getByTestId(`price-${c}`).innerText()));
  expect(monthly).toEqual(["$19", "$79", "$399"]);
  await expect(page.getByRole("link", { name: "Choose Pro" })).toHaveAttribute(
    "href",
    "/start?plan=pro&interval=month",
  );

  await page.getByRole("button", { name: "Annual" }).click();
  const annual = await Promise.all(codes.map((c) => page.getByTestId(`price-${c}`).innerText()));
  // Two months free: yearly = 10 × monthly, shown per month (rounded up to the cent).
  expect(annual).toEqual(["$15.84", "$65.84", "$332.50"]);
  await expect(page.getByTestId("plan-pro")).toContainText("billed $790 yearly");
  await expect(page.getByRole("link", { name: "Choose Pro" })).toHaveAttribute(
    "href",
    "/start?plan=pro&interval=year",
  );
  await expectAccessible(page);

  await page.getByRole("link", { name: "Choose Pro" }).click();
  await expect(page).toHaveURL(/\/sign-up\?plan=pro&interval=year/);
});

test("the calculator recommends the cheapest way to pay for a worked example", async ({ page }) => {
  await page.goto("/pricing");
  const row = page.getByRole("group", { name: "Model 1" });
  await row.getByLabel("Model", { exact: true }).selectOption({ label: "Inpaint Standard" });
  await row.getByLabel("Images per month").fill("20000");
  // By hand: 20,000 images at $0.01 provider cost.
  // Pay as you go (20%): 20,000 × 12 credits = 240,000 credits = $240.
  // Starter (10%): 220,000 credits of usage; quota 500/day × 30 = 15,000 of the 20,000 units, so a quarter
  //   (55,000 credits) overflows; 20,000 included, 35,000 bought = $35 -> $19 + $35 = $54.
  // Pro: 3,000/day × 30 covers it all -> $79. Enterprise -> $399.
  await expect(page.getByTestId("option-payg")).toContainText("$240");
  await expect(page.getByTestId("option-starter")).toContainText("$54");
  await expect(page.getByTestId("option-pro")).toContainText("$79");
  await expect(page.getByTestId("cheapest-option")).toContainText("Starter");

  // A model only Enterprise has makes every other option unavailable.
  await page.getByRole("button", { name: "Add a model" }).click();
  const second = page.getByRole("group", { name: "Model 2" });
  await second.getByLabel("Model", { exact: true }).selectOption({ label: "Super Resolution" });
  await second.getByLabel("Images per month").fill("10");
  await expect(page.getByTestId("cheapest-option")).toContainText("Enterprise");
  await expectAccessible(page);
});

test.describe("at phone width", () => {
  test.use({ viewport: { width: 375, height: 740 } });
  test("the pricing page fits the screen", async ({ page }) => {
    await page.goto("/pricing");
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  });
});
