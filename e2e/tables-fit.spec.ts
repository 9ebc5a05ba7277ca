import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import {
  demo,
  E2E_ADMIN_API_KEY,
  E2E_DB_URL,
  expect,
  latestEmail,
  linkIn,
  payWithTestCard,
  signIn,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";

// Every table's action and money cells must be on screen at a laptop width and on a phone: either the
// row fits, or the action column stays in view while the rest scrolls, or (phones) rows become cards.
// The kit's Table marks those cells data-actions / data-money (components/ui/table.tsx); a last cell
// holding a link or button counts as an action cell even when unmarked.

const viewports = [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
];

type Kind = "actions" | "money";
type Visit = { path: string; expect: Kind[] };

test.describe.configure({ mode: "serial" });

const seeded = { team: "", workspaceId: "", ownerId: "", owner: "", admin: "" };

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Cells of the kinds above that are rendered but not wholly inside what the viewport shows. */
async function hiddenCells(page: Page) {
  return page.evaluate(() => {
    const counts = { actions: 0, money: 0 };
    const problems: string[] = [];
    const cells = document.querySelectorAll(
      "td[data-actions], td[data-money], tbody tr > td:last-child:has(a, button)",
    );
    for (const cell of cells) {
      const box = cell.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered at this width (the other layout)
      const kind = cell.hasAttribute("data-money") ? "money" : "actions";
      counts[kind]++;
      // What of the page is visible horizontally: the viewport, cut by every ancestor that clips.
      let left = 0;
      let right = document.documentElement.clientWidth;
      for (let el = cell.parentElement; el; el = el.parentElement) {
        if (getComputedStyle(el).overflowX === "visible") continue;
        const clip = el.getBoundingClientRect();
        left = Math.max(left, clip.left);
        right = Math.min(right, clip.right);
      }
      if (box.left < left - 1 || box.right > right + 1) {
        const text = (cell.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
        problems.push(
          `${kind} cell "${text}" at ${Math.round(box.left)}–${Math.round(box.right)}px, visible ${Math.round(left)}–${Math.round(right)}px`,
        );
      }
    }
    return { counts, problems };
  });
}

async function checkPages(browser: Browser, storageState: string, visits: Visit[]) {
  for (const viewport of viewports) {
    const context = await browser.newContext({ storageState, viewport });
    const page = await context.newPage();
    for (const visit of visits) {
      await page.goto(visit.path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const where = `${visit.path} at ${viewport.width}px`;
      // Sections hydrate one Suspense boundary at a time (the pricing calculator's results among
      // them): wait until every expected kind of cell is on the page before judging where it sits.
      await expect
        .poll(
          async () => {
            const { counts } = await hiddenCells(page);
            return visit.expect.filter((kind) => counts[kind] === 0);
          },
          { message: `expected cells on ${where}` },
        )
        .toEqual([]);
      const { problems } = await hiddenCells(page);
      expect.soft(problems, where).toEqual([]);
    }
    await context.close();
  }
}

test("seed a team workspace with keys, usage, a payment, a webhook delivery and an invitation", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const ownerEmail = uniqueEmail("fit-owner");
  const memberEmail = uniqueEmail("fit-member");
  seeded.team = `Fit crew ${Date.now()}`;
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUpVerified(owner, ownerEmail);
  await owner.goto("/dashboard/team");
  await owner.getByLabel("Team name").fill(seeded.team);
  await owner.getByRole("button", { name: "Create team" }).click();
  await expect(owner.getByText("Team created. Invite people to share its credits.")).toBeVisible();
  [{ id: seeded.workspaceId }] = await query<{ id: string }>(`select id from "Workspace" where name = $1`, [
    seeded.team,
  ]);
  [{ id: seeded.ownerId }] = await query<{ id: string }>(`select id from "User" where email = $1`, [
    ownerEmail,
  ]);

  // On Starter (3 seats): a member who joins (a row with Remove and Transfer) and an invitation left pending.
  const plan = await request.put(`/api/v1/admin/workspaces/${seeded.workspaceId}/subscription`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_API_KEY}` },
    data: { tier: "starter", interval: "month" },
  });
  expect(plan.status()).toBe(200);
  for (const email of [memberEmail, uniqueEmail("fit-invited")]) {
    await owner.getByLabel("Email", { exact: true }).fill(email);
    await owner.getByRole("button", { name: "Send invitation", exact: true }).click();
    await expect(owner.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  }
  const member = await (await browser.newContext()).newPage();
  await signUpVerified(member, memberEmail);
  await member.goto(linkIn((await latestEmail(memberEmail, "team-invite")).text, "/invite"));
  await member.getByRole("button", { name: `Accept and join ${seeded.team}` }).click();
  await expect(member.getByText(`You joined ${seeded.team}.`)).toBeVisible();
  // The comp plan ends here, so the team can buy Starter itself below (a payment for the tables).
  await query(
    `update "Subscription" set status = 'canceled', "canceledAt" = now() where "workspaceId" = $1 and provider = 'manual'`,
    [seeded.workspaceId],
  );

  const grant = await request.post(`/api/v1/admin/workspaces/${seeded.workspaceId}/credits`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_API_KEY}` },
    data: { millicredits: 1_000_000, reason: "Fit credits", idempotencyKey: `fit-${seeded.workspaceId}` },
  });
  expect(grant.status()).toBe(200);

  await owner.goto("/dashboard/api-keys");
  await owner.getByLabel("Name").fill("Fit app");
  await owner.getByRole("button", { name: "Create API key" }).click();
  const key = await owner.getByRole("textbox", { name: "Your new API key" }).inputValue();
  for (const n of [1, 2]) {
    const call = await request.post("/api/v1/usage", {
      headers: { authorization: `Bearer ${key}`, "idempotency-key": `fit-${n}` },
      data: { model: "poster-editor:inpaint-standard" },
    });
    expect(call.status()).toBe(200);
  }

  // An endpoint nobody listens on: the subscription below leaves a delivery in the log.
  await owner.goto("/dashboard/webhooks");
  await owner.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/hooks/fit");
  await owner.getByRole("checkbox", { name: /subscription\.created/ }).check();
  await owner.getByRole("button", { name: "Add endpoint" }).click();
  await expect(owner.getByText(/^Endpoint added/)).toBeVisible();
  await owner.goto("/dashboard/billing");
  await owner.getByRole("button", { name: "Choose Starter monthly" }).click();
  await payWithTestCard(owner, "Pay $19");
  await expect(owner).toHaveURL(/\/dashboard\/billing\?subscribed=1/);
  await expect
    .poll(async () => (await query(`select 1 from "WebhookDelivery"`, [])).length, { timeout: 20_000 })
    .toBeGreaterThan(0);
  seeded.owner = test.info().outputPath("owner.json");
  await ownerContext.storageState({ path: seeded.owner });

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin);
  await admin.goto("/admin/coupons");
  await admin.getByLabel("Code").fill(`FIT-${Date.now().toString(36).toUpperCase()}`);
  await admin.getByLabel("Credits", { exact: true }).fill("100");
  await admin.getByRole("button", { name: "Create coupon" }).click();
  await expect(admin.getByRole("region", { name: "Coupons" })).toBeVisible();
  seeded.admin = test.info().outputPath("admin.json");
  await adminContext.storageState({ path: seeded.admin });
});

test("dashboard and pricing tables keep their action and money cells on screen at 1280 and 375 px", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await checkPages(browser, seeded.owner, [
    { path: "/dashboard/api-keys", expect: ["actions"] },
    { path: "/dashboard/usage", expect: ["money"] },
    { path: "/dashboard/credits", expect: ["money"] },
    { path: "/dashboard/billing", expect: ["actions", "money"] },
    { path: "/dashboard/team", expect: ["actions", "money"] },
    { path: "/dashboard/webhooks", expect: ["actions"] },
    { path: "/dashboard/models", expect: ["money"] },
    { path: "/pricing", expect: ["money"] },
  ]);
});

test("admin console tables keep their action and money cells on screen at 1280 and 375 px", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const workspace = `/admin/workspaces/${seeded.workspaceId}`;
  await checkPages(browser, seeded.admin, [
    { path: "/admin/users", expect: [] },
    { path: `/admin/users/${seeded.ownerId}`, expect: [] },
    { path: "/admin/workspaces", expect: ["money"] },
    { path: `${workspace}?tab=subscription`, expect: [] },
    { path: `${workspace}?tab=ledger`, expect: ["money"] },
    { path: `${workspace}?tab=usage`, expect: ["money"] },
    { path: `${workspace}?tab=keys`, expect: ["actions"] },
    { path: `${workspace}?tab=members`, expect: [] },
    { path: `${workspace}?tab=audit`, expect: [] },
    { path: "/admin/analytics", expect: ["money"] },
    { path: "/admin/payments", expect: ["actions", "money"] },
    { path: "/admin/payments/events", expect: [] },
    { path: "/admin/coupons", expect: ["actions"] },
    { path: "/admin/api-keys", expect: ["actions"] },
    { path: "/admin/security", expect: [] },
    { path: "/admin/outbox", expect: [] },
    { path: "/admin/audit", expect: [] },
    { path: "/admin/catalog/tiers", expect: ["money"] },
    { path: "/admin/catalog/features", expect: ["actions"] },
    { path: "/admin/catalog/models", expect: ["actions", "money"] },
    { path: "/admin/catalog/packs", expect: ["actions", "money"] },
    { path: "/admin/catalog/markups", expect: ["money"] },
  ]);
});
