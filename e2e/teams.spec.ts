import type { Page } from "@playwright/test";
import pg from "pg";
import {
  E2E_ADMIN_API_KEY,
  E2E_DB_URL,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  latestEmail,
  linkIn,
  signUpVerified,
  test,
  uniqueEmail,
} from "./support";

async function createKey(page: Page, name: string) {
  await page.goto("/dashboard/api-keys");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create API key" }).click();
  const field = page.getByRole("textbox", { name: "Your new API key" });
  await expect(field).toBeVisible();
  return field.inputValue();
}

async function workspaceId(name: string) {
  const client = new pg.Client({ connectionString: E2E_DB_URL });
  await client.connect();
  try {
    return (await client.query<{ id: string }>(`select id from "Workspace" where name = $1`, [name])).rows[0]
      .id;
  } finally {
    await client.end();
  }
}

test("an owner creates a team, invites a member who accepts by email, caps their spend, and the member's calls stop at the cap while the owner's continue", async ({
  browser,
  request,
}) => {
  const ownerEmail = uniqueEmail("team-owner");
  const memberEmail = uniqueEmail("team-member");
  const team = `Render crew ${Date.now()}`;
  const owner = await (await browser.newContext()).newPage();
  const member = await (await browser.newContext()).newPage();

  // The owner creates the team. On the Free plan it has one seat, the owner's: the team page says so
  // and points to more seats.
  await signUpVerified(owner, ownerEmail);
  await owner.goto("/dashboard");
  await owner.getByRole("link", { name: "Team" }).first().click();
  await expect(owner.getByRole("heading", { name: "Roles and permissions" })).toBeVisible();
  await expectAccessible(owner);
  await owner.getByLabel("Team name").fill(team);
  await owner.getByRole("button", { name: "Create team" }).click();
  await expect(owner.getByText("Team created. Invite people to share its credits.")).toBeVisible();
  await expect(owner.getByTestId("seats")).toHaveText("1 of 1 seat");
  await expect(owner.getByRole("link", { name: "Upgrade your plan for more seats" })).toBeVisible();

  // The company puts the team on Starter (3 seats, 20,000 credits a month) and adds 1,000 credits.
  const id = await workspaceId(team);
  const admin = { authorization: `Bearer ${E2E_ADMIN_API_KEY}` };
  const plan = await request.put(`/api/v1/admin/workspaces/${id}/subscription`, {
    headers: admin,
    data: { tier: "starter", interval: "month" },
  });
  expect(plan.status()).toBe(200);
  const credits = await request.post(`/api/v1/admin/workspaces/${id}/credits`, {
    headers: admin,
    data: { millicredits: 1_000_000, reason: "Team starter credits", idempotencyKey: `team-${Date.now()}` },
  });
  expect(credits.status()).toBe(200);
  await owner.reload();
  await expect(owner.getByTestId("seats")).toHaveText("1 of 3 seats");

  // Invite by email; the member follows the link and accepts.
  await owner.getByLabel("Email", { exact: true }).fill(memberEmail);
  await owner.getByLabel("Role", { exact: true }).selectOption({ label: "Member" });
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${memberEmail}.`)).toBeVisible();
  await expect(owner.getByRole("region", { name: "Pending invitations" })).toContainText(memberEmail);

  await signUpVerified(member, memberEmail);
  await member.goto(linkIn((await latestEmail(memberEmail, "team-invite")).text, "/invite"));
  await expect(member.getByRole("heading", { name: `Join ${team}` })).toBeVisible();
  await expectAccessible(member);
  await member.getByRole("button", { name: `Accept and join ${team}` }).click();
  await expect(member.getByText(`You joined ${team}.`)).toBeVisible();
  // A member may not invite others.
  await expect(member.getByRole("button", { name: "Send invitation" })).toHaveCount(0);

  await expect(member.getByTestId("seats")).toHaveText("2 of 3 seats");

  // The owner caps the member at 30 credits a month (2 calls of 11 credits fit, a third does not).
  await owner.reload();
  await owner.getByLabel(`Monthly spend cap for ${memberEmail}, in credits`).fill("30");
  await owner.getByRole("button", { name: `Save spend cap for ${memberEmail}` }).click();
  await expect(owner.getByText(`${memberEmail} may spend 30 credits a month.`)).toBeVisible();

  const memberKey = await createKey(member, "Member app");
  const ownerKey = await createKey(owner, "Owner app");
  const call = (key: string, n: number, quantity = 1) =>
    request.post("/api/v1/usage", {
      headers: { authorization: `Bearer ${key}`, "idempotency-key": `${key.slice(-8)}-${n}` },
      data: { model: "poster-editor:inpaint-standard", quantity },
    });
  // The day's 500 quota units go first; after them calls draw the shared credits, and caps apply.
  expect((await (await call(ownerKey, 0, 500)).json()).billedTo).toBe("quota");
  expect((await call(memberKey, 1)).status()).toBe(200);
  expect((await call(memberKey, 2)).status()).toBe(200);
  const refused = await call(memberKey, 3);
  expect(refused.status()).toBe(402);
  expect((await refused.json()).error.code).toBe("spend_cap_reached");
  const ownerCall = await call(ownerKey, 1);
  expect(ownerCall.status()).toBe(200);
  expect((await ownerCall.json()).balance.credits).toBe("20967"); // 20,000 + 1,000 − 3 calls × 11

  // The team page shows what the member spent against their cap, and per-member usage.
  await owner.goto("/dashboard/team");
  const members = owner.getByRole("region", { name: "Team members" });
  await expect(members.getByRole("row", { name: new RegExp(memberEmail) })).toContainText("22 credits");
  await expect(owner.getByRole("heading", { name: "Usage by member this month" })).toBeVisible();
  await expectAccessible(owner);
  await owner.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(owner);
});
