import {
  demo,
  expect,
  expectAccessible,
  payWithTestCard,
  signIn,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";

// Changes here are undone at the end: the pricing spec reads the seeded catalog.
test("an admin edits the catalog and the pricing page shows it within seconds", async ({ page, browser }) => {
  await signIn(page, demo.admin);
  const visitor = await (await browser.newContext()).newPage();

  // Pro's monthly price.
  await page.goto("/admin/catalog/tiers");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Pro", exact: true }).click();
  await expectAccessible(page);
  await page.getByLabel("Monthly price ($)").fill("89");
  // Other specs may have left Pro subscribers: then the form asks who gets the new price.
  const newSalesOnly = page.getByRole("radio", { name: /New sales only/ });
  if (await newSalesOnly.isVisible()) await newSalesOnly.check();
  await page.getByRole("button", { name: "Save tier" }).click();
  await expect(page.getByText(/^Pro saved\./)).toBeVisible();

  // A new feature, ticked for Pro in the matrix.
  await page.goto("/admin/catalog/features");
  await expectAccessible(page);
  await page.getByLabel("Key").fill("custom_domains");
  await page.getByLabel("Name", { exact: true }).fill("Custom domains");
  await page.getByLabel("Category").fill("Branding");
  await page.getByRole("button", { name: "Add feature" }).click();
  await expect(page.getByRole("checkbox", { name: "Pro has Custom domains" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Pro has Custom domains" }).check();
  await page.getByRole("button", { name: "Save feature matrix" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  // A Pro model granted to Starter.
  await page.goto("/admin/catalog/models");
  await expectAccessible(page);
  const grant = page.getByRole("checkbox", { name: "Starter can use poster-editor:inpaint-pro" });
  await expect(grant).not.toBeChecked();
  await grant.check();
  await page.getByRole("button", { name: "Save model access" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await expect(async () => {
    await visitor.goto("/pricing");
    await expect(visitor.getByTestId("price-pro")).toHaveText("$89", { timeout: 1000 });
    await expect(visitor.getByTestId("plan-pro")).toContainText("Custom domains", { timeout: 1000 });
    await expect(visitor.getByTestId("models-starter")).toContainText("poster-editor:inpaint-pro", {
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(visitor.getByTestId("plan-starter")).not.toContainText("Custom domains");

  // Undo.
  await page.goto("/admin/catalog/models");
  await page.getByRole("checkbox", { name: "Starter can use poster-editor:inpaint-pro" }).uncheck();
  await page.getByRole("button", { name: "Save model access" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.goto("/admin/catalog/features");
  await page.getByRole("button", { name: "Delete Custom domains" }).click();
  await page.getByRole("button", { name: "Delete feature" }).click();
  await expect(page.getByRole("checkbox", { name: "Pro has Custom domains" })).toHaveCount(0);
  await page.goto("/admin/catalog/tiers");
  await page.getByRole("link", { name: "Pro", exact: true }).click();
  await page.getByLabel("Monthly price ($)").fill("79");
  if (await newSalesOnly.isVisible()) await newSalesOnly.check();
  await page.getByRole("button", { name: "Save tier" }).click();
  await expect(page.getByText(/^Pro saved\./)).toBeVisible();
  await expect(async () => {
    await visitor.goto("/pricing");
    await expect(visitor.getByTestId("price-pro")).toHaveText("$79", { timeout: 1000 });
    await expect(visitor.getByTestId("models-starter")).not.toContainText("poster-editor:inpaint-pro", {
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
});

test("archiving a tier asks for confirmation, hides it from the pricing page, and unarchiving brings it back", async ({
  page,
  browser,
}) => {
  await signIn(page, demo.admin);
  const visitor = await (await browser.newContext()).newPage();
  await page.goto("/admin/catalog/tiers");
  await page.getByRole("link", { name: "Enterprise", exact: true }).click();
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("current subscribers keep it");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Archive tier" }).click();
  await expect(async () => {
    await visitor.goto("/pricing");
    await expect(visitor.getByTestId("plan-enterprise")).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("button", { name: "Unarchive", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Unarchive tier" }).click();
  await expect(async () => {
    await visitor.goto("/pricing");
    await expect(visitor.getByTestId("plan-enterprise")).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
});

test("a new tier is a draft until it has a model; a price edit with subscribers asks who gets it", async ({
  page,
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const name = `Studio ${suffix}`;
  await signIn(page, demo.admin);
  await page.goto("/admin/catalog/tiers/new");
  await page.getByLabel("Code").fill(`studio-${suffix}`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Monthly price ($)").fill("5");
  await page.getByLabel("Annual price ($)").fill("50");
  // Ranks are unique: Pro's is refused on the field, naming Pro.
  const rank = page.getByLabel("Rank");
  const nextRank = await rank.inputValue();
  await rank.fill("2");
  await page.getByRole("button", { name: "Create tier" }).click();
  await expect(page.getByText("Rank 2 is already Pro's.").first()).toBeVisible();
  await page.getByLabel("Rank").fill(nextRank);
  await expect(page.getByText(/Draft: a tier goes on the pricing page/)).toBeVisible();
  await page.getByRole("button", { name: "Create tier" }).click();
  await expect(page.getByText(`${name} created.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: new RegExp(name) })).toContainText("Draft");
  await expectAccessible(page);

  // Given a model it goes on sale, and a customer subscribes.
  await page.goto("/admin/catalog/models");
  await page.getByRole("checkbox", { name: `${name} can use video-mixer:mix-basic` }).check();
  await page.getByRole("button", { name: "Save model access" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const customer = await (await browser.newContext()).newPage();
  await signUpVerified(customer, uniqueEmail("studio"));
  await customer.goto("/dashboard/billing");
  await customer.getByRole("button", { name: `Choose ${name} monthly` }).click();
  await payWithTestCard(customer, "Pay $5");
  await expect(customer).toHaveURL(/\/dashboard\/billing\?subscribed=1/);

  // Its code is now locked, and a new price asks about the subscriber.
  await page.goto("/admin/catalog/tiers");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByLabel("Code")).toHaveAttribute("readonly", "");
  await expect(page.getByText(/Locked: 1 subscription \(1 live\)/)).toBeVisible();
  await page.getByLabel("Monthly price ($)").fill("7");
  await expect(page.getByText("1 active subscriber is on this tier")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save tier" }).click();
  await expect(
    page.getByText(/choose "New sales only" or "Move existing subscribers"/).first(),
  ).toBeVisible();
  await page.getByRole("radio", { name: /Move existing subscribers/ }).check();
  await page.getByRole("button", { name: "Save tier" }).click();
  await expect(page.getByText(/1 subscription moves to the new terms at the first renewal/)).toBeVisible();

  // Tidy up: archived, it leaves the pricing page (the pricing spec reads the seeded catalog).
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Archive tier" }).click();
  await expect(page.getByText(`${name} archived.`)).toBeVisible();
});
