import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newReferralCode } from "@/lib/auth/accounts";
import { setManualSubscription } from "@/lib/workspaces/administration";
import { listWorkspaces, parseWorkspaceFilter, workspaceWhere, type WorkspaceFilter } from "./workspaces";

const prefix = `adm-ws-${randomUUID().slice(0, 8)}`;

async function workspace(label: string, opts: { createdAt?: Date; slug?: string } = {}) {
  const owner = await db.user.create({
    data: { email: `${prefix}-owner${label}@example.test`, referralCode: newReferralCode() },
  });
  return db.workspace.create({
    data: {
      name: `${prefix} ${label}`,
      slug: opts.slug ?? `${prefix}-${label}`,
      createdAt: opts.createdAt,
      memberships: { create: { userId: owner.id, role: "owner" } },
    },
  });
}

// 1: pay as you go (no daily quota) from Feb 1st 2020 with a distinctive slug; 2: comped to starter; 3: suspended.
beforeAll(async () => {
  const w1 = await workspace("1", {
    createdAt: new Date("2020-02-01T12:00:00.000Z"),
    slug: `zz-slug-${prefix}`,
  });
  await db.workspace.update({ where: { id: w1.id }, data: { accountType: "payg" } });
  const w2 = await workspace("2");
  await setManualSubscription(null, w2.id, { tier: "starter", interval: "month" });
  const w3 = await workspace("3");
  await db.workspace.update({ where: { id: w3.id }, data: { suspendedAt: new Date() } });
});

async function matching(filter: Partial<WorkspaceFilter>) {
  const rows = await db.workspace.findMany({
    where: { AND: [workspaceWhere({ q: "", ...filter }), { name: { startsWith: prefix } }] },
    select: { name: true },
  });
  return rows.map((r) => r.name.slice(prefix.length + 1)).sort();
}

describe("admin workspace filters", () => {
  it("filters by current tier (free when there is no live plan), account type and status", async () => {
    expect(await matching({ tier: "starter" })).toEqual(["2"]);
    expect(await matching({ tier: "free" })).toEqual(["1", "3"]);
    expect(await matching({ tier: "pro" })).toEqual([]);
    expect(await matching({ accountType: "subscription" })).toEqual(["2", "3"]);
    expect(await matching({ accountType: "payg" })).toEqual(["1"]);
    expect(await matching({ status: "suspended" })).toEqual(["3"]);
    expect(await matching({ status: "active" })).toEqual(["1", "2"]);
  });

  it("filters by creation day and searches name, slug and owner email", async () => {
    expect(await matching({ from: "2020-02-01", to: "2020-02-01" })).toEqual(["1"]);
    expect(await matching({ to: "2020-01-31" })).toEqual([]);
    expect(await matching({ q: `${prefix}-OWNER2@` })).toEqual(["2"]);
    expect(await matching({ q: `zz-slug-${prefix}` })).toEqual(["1"]);
    expect(await matching({ q: `${prefix} 3` })).toEqual(["3"]);
  });

  it("lists a page with owner and plan from URL parameters", async () => {
    const page = await listWorkspaces(
      parseWorkspaceFilter({ q: prefix, tier: "Starter", status: "bogus" }),
      7,
    );
    expect(page).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(page.rows[0]).toMatchObject({ name: `${prefix} 2`, accountType: "subscription" });
    expect(page.rows[0].memberships[0].user.email).toBe(`${prefix}-owner2@example.test`);
    expect(page.rows[0].subscriptions[0].tier.code).toBe("starter");
  });
});
