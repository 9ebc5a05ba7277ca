import {
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";

test("a free-plan user runs out of credits through the API and sees the refusal, with Buy credits, on the overview", async ({
  page,
  request,
  baseURL,
}) => {
  await signUpVerified(page, uniqueEmail("refused"));
  await page.goto("/dashboard/api-keys");
  await page.getByLabel("Name").fill("Poster app");
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = await page.getByRole("textbox", { name: "Your new API key" }).inputValue();
  const headers = { authorization: `Bearer ${key}` };

  // The day's 50 quota units first, then the plan's included credits, 120 credits a call, until a call is refused.
  const onQuota = await request.post("/api/v1/usage", {
    headers,
    data: { model: "poster-editor:inpaint-standard", quantity: 50 },
  });
  expect(onQuota.status()).toBe(200);
  let refused = null;
  for (let i = 0; i < 15 && !refused; i++) {
    const res = await request.post("/api/v1/usage", {
      headers,
      data: { model: "poster-editor:inpaint-standard", quantity: 10 },
    });
    if (res.status() !== 200) refused = res;
  }
  expect(refused?.status()).toBe(402);
  const body = await refused!.json();
  expect(body.error).toMatchObject({
    code: "insufficient_credits",
    buyCreditsUrl: `${baseURL}/dashboard/credits`,
  });

  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/dashboard");
    await expect(page.getByTestId("refusals-today")).toHaveText("1 call refused today: 1 out of credits");
    const fixes = page.getByRole("list", { name: "How to fix today's refusals" });
    await expect(fixes).toContainText("1 call cost more than the balance had left.");
    await expect(fixes.getByRole("link", { name: "Buy credits" })).toHaveAttribute(
      "href",
      "/dashboard/credits",
    );
    await expect(
      page.getByRole("img", { name: /Refused calls per day by reason, last 14 days: 1 in all/ }),
    ).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  }
  await page
    .getByRole("list", { name: "How to fix today's refusals" })
    .getByRole("link", { name: "Buy credits" })
    .click();
  await expect(page).toHaveURL(/\/dashboard\/credits$/);
});
