import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import { db } from "@/lib/db";
import { setManualSubscription } from "@/lib/workspaces/administration";
import { listUsers, parseUserFilter, userWhere, type UserFilter } from "./users";

const prefix = `adm-users-${randomUUID().slice(0, 8)}`;
const email = (label: string) => `${prefix}-${label}@example.test`;

async function user(
  label: string,
  opts: { verified?: boolean; role?: "user" | "admin"; name?: string; createdAt?: Date } = {},
) {
  const u = await signUp(
    { email: email(label), password: "correct horse battery", name: opts.name ?? "Filter Test" },
    { verified: opts.verified, role: opts.role },
  );
  if (opts.createdAt) await db.user.update({ where: { id: u.id }, data: { createdAt: opts.createdAt } });
  const owned = await db.workspace.findFirstOrThrow({
    where: { memberships: { some: { userId: u.id, role: "owner" } } },
  });
  return { ...u, workspaceId: owned.id };
}

// a: verified user from Jan 10th 2020 set to pay as you go (no daily quota); b: unverified admin
// comped to pro; c: suspended; d: Jan 11th 2020. Every workspace but a's draws its plan's quota.
beforeAll(async () => {
  const a = await user("a", {
    verified: true,
    name: `Quixote ${prefix}`,
    createdAt: new Date("2020-01-10T23:59:59.000Z"),
  });
  await db.workspace.update({ where: { id: a.workspaceId }, data: { accountType: "payg" } });
  const b = await user("b", { role: "admin" });
  await setManualSubscription(null, b.workspaceId, { tier: "pro", interval: "month" });
  const c = await user("c", { verified: true });
  await db.workspace.update({ where: { id: c.workspaceId }, data: { suspendedAt: new Date() } });
  await user("d", { verified: true, createdAt: new Date("2020-01-11T00:00:00.000Z") });
});

/** The labels of this file's users that match the filter (scoped by the unique email prefix). */
async function matching(filter: Partial<UserFilter>) {
  const rows = await db.user.findMany({
    where: { AND: [userWhere({ q: "", ...filter }), { email: { startsWith: prefix } }] },
    select: { email: true },
  });
  return rows.map((r) => r.email.slice(prefix.length + 1, prefix.length + 2)).sort();
}

describe("admin user filters", () => {
  it("filters by verified email and role", async () => {
    expect(await matching({ verified: "yes" })).toEqual(["a", "c", "d"]);
    expect(await matching({ verified: "no" })).toEqual(["b"]);
    expect(await matching({ role: "admin" })).toEqual(["b"]);
    expect(await matching({ role: "user", verified: "yes" })).toEqual(["a", "c", "d"]);
  });

  it("filters by the owned workspace's tier, account type and status", async () => {
    expect(await matching({ tier: "pro" })).toEqual(["b"]);
    expect(await matching({ tier: "free" })).toEqual(["a", "c", "d"]);
    expect(await matching({ accountType: "subscription" })).toEqual(["b", "c", "d"]);
    expect(await matching({ accountType: "payg" })).toEqual(["a"]);
    expect(await matching({ accountType: "payg", tier: "pro" })).toEqual([]);
    expect(await matching({ status: "suspended" })).toEqual(["c"]);
    expect(await matching({ status: "active" })).toEqual(["a", "b", "d"]);
  });

  it("filters by sign-up day, both ends inclusive in UTC", async () => {
    expect(await matching({ from: "2020-01-10", to: "2020-01-10" })).toEqual(["a"]);
    expect(await matching({ from: "2020-01-11", to: "2020-01-11" })).toEqual(["d"]);
    expect(await matching({ to: "2020-01-11" })).toEqual(["a", "d"]);
    expect(await matching({ from: "2020-01-11" })).toEqual(["b", "c", "d"]);
  });

  it("searches email and name, case-insensitively", async () => {
    expect(await matching({ q: `QUIXOTE ${prefix}` })).toEqual(["a"]);
    expect(await matching({ q: `${prefix}-C@` })).toEqual(["c"]);
  });

  it("parses URL parameters, ignoring values it does not recognise", async () => {
    const filter = parseUserFilter({
      q: ` ${prefix} `,
      verified: "no",
      tier: "PRO",
      from: "2020-13-45",
      role: "root",
      status: ["suspended", "active"],
    });
    expect(filter).toEqual({
      q: prefix,
      verified: "no",
      tier: "pro",
      from: undefined,
      to: undefined,
      role: undefined,
      accountType: undefined,
      status: "suspended",
    });
    const page = await listUsers(parseUserFilter({ q: prefix, verified: "no" }), 1);
    expect(page.rows.map((r) => r.email)).toEqual([email("b")]);
    expect(page.rows[0].memberships[0].workspace.subscriptions[0].tier.code).toBe("pro");
    expect(page).toMatchObject({ total: 1, page: 1, pageCount: 1 });
  });
});
