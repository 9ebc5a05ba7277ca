import pg from "pg";
import { demo, E2E_DB_URL, expect, expectAccessible, signIn, test } from "./support";

// A dashboard page whose query fails (here the table it reads is briefly renamed, as an outage
// would) shows the friendly error page: a reference to quote, and nothing of the error itself.
test("a page that fails on the server shows a reference id, not the error, and recovers on Try again", async ({
  page,
}) => {
  await signIn(page, demo.ada);
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    await client.query(`alter table "ProviderKey" rename to "ProviderKey_outage"`);
    const response = await page.goto("/dashboard/provider-keys");
    await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toBeVisible();
    const reference = (await page.getByText(/^Reference:/).textContent())?.replace("Reference:", "").trim();
    expect(reference).toMatch(/^\S+$/);
    // Neither the page nor the data it was rendered from carries the database's message.
    for (const body of [await page.content(), await response!.text()]) {
      expect(body).not.toMatch(/ProviderKey|does not exist/);
    }
    await expect(page.getByRole("link", { name: "Back to the overview" })).toBeVisible();
    await expectAccessible(page);
  } finally {
    await client.query(`alter table "ProviderKey_outage" rename to "ProviderKey"`);
    await client.end();
  }
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Provider keys" })).toBeVisible();
});
