import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { GET as exportList } from "@/app/api/admin/export/[list]/route";
import { db } from "@/lib/db";
import { createUser } from "@/test/factories";
import { parseSort } from "./list-sort";
import { listUsers, parseUserFilter, parseUserSort, USER_SORT_DEFAULT } from "./users";
import { listWorkspaces, parseWorkspaceFilter, parseWorkspaceSort } from "./workspaces";

// The route reads the signed-in user from the request's cookies; here `session.user` is who is signed in.
const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  adminNeedsTwoFactor: async () => false,
}));

const get = (list: string, query = "") =>
  exportList(new Request(`http://localhost/api/admin/export/${list}?${query}`), {
    params: Promise.resolve({ list }),
  });

describe("sortable lists", () => {
  it("sort by whitelisted columns only; a bad sort param falls back to the default, never an error", async () => {
    expect(parseUserSort({ sort: "email", dir: "asc" })).toEqual({ key: "email", dir: "asc" });
    expect(parseUserSort({ sort: "passwordHash", dir: "asc" })).toEqual(USER_SORT_DEFAULT);
    expect(parseUserSort({ sort: '"email"; drop table "User"--' })).toEqual(USER_SORT_DEFAULT);
    expect(parseUserSort({ sort: ["email", "name"], dir: "sideways" })).toEqual({
      key: "email",
      dir: "desc",
    });
    expect(parseSort({}, ["a"], { key: "a", dir: "asc" })).toEqual({ key: "a", dir: "asc" });
    // The list itself runs with whatever arrives.
    const bad = await listUsers(parseUserFilter({}), 1, parseUserSort({ sort: "nope" }));
    expect(bad).toMatchObject({ page: 1, rows: expect.any(Array) });
  });

  it("orders the rows on the server by the chosen column", async () => {
    const tag = randomUUID().slice(0, 8);
    for (const [name, credits] of [
      ["b", 2_000n],
      ["a", 3_000n],
      ["c", 1_000n],
    ] as const)
      await db.workspace.create({
        data: { name: `sort-${tag}-${name}`, slug: `sort-${tag}-${name}`, balanceMillicredits: credits },
      });
    const filter = parseWorkspaceFilter({ q: `sort-${tag}` });
    const names = async (sort: Record<string, string>) =>
      (await listWorkspaces(filter, 1, parseWorkspaceSort(sort))).rows.map((w) => w.name.slice(-1));
    expect(await names({ sort: "name", dir: "asc" })).toEqual(["a", "b", "c"]);
    expect(await names({ sort: "balance", dir: "desc" })).toEqual(["a", "b", "c"]);
    expect(await names({ sort: "balance", dir: "asc" })).toEqual(["c", "b", "a"]);
  });
});

describe("CSV export of admin lists", () => {
  it("refuses anyone but an admin with a JSON error and no data", async () => {
    session.user = null;
    const anonymous = await get("users");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      error: { code: "unauthenticated", message: "Sign in to export admin lists." },
    });
    session.user = await createUser({ verified: true });
    const user = await get("users");
    expect(user.status).toBe(403);
    const body = await user.text();
    expect(body).not.toContain("@example.test");
    expect(JSON.parse(body).error.code).toBe("forbidden");
  });

  it("streams every matching row (not just a page), in people's units, for users, workspaces and payments", async () => {
    session.user = await createUser({ verified: true, role: "admin" });
    const tag = `csv${randomUUID().slice(0, 6)}`;
    const people = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        db.user.create({
          data: { email: `${tag}-${String(i).padStart(2, "0")}@example.test`, referralCode: `${tag}${i}` },
        }),
      ),
    );
    const res = await get("users", `q=${tag}&sort=email&dir=asc`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("x-total-count")).toBe("30");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("id,email,name,role,email_verified_at,plan,account_type,status,signed_up_at");
    expect(lines).toHaveLength(31); // more than one page of 25
    expect(lines[1]).toContain(`${tag}-00@example.test`);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(",")[0])
        .sort(),
    ).toEqual(people.map((p) => p.id).sort());

    const ws = await db.workspace.create({
      data: { name: `${tag} Ltd`, slug: `${tag}-ltd`, balanceMillicredits: 1_234_500n },
    });
    await db.payment.create({
      data: {
        workspaceId: ws.id,
        provider: "manual",
        kind: "credit_pack",
        description: `${tag} pack`,
        amountCents: 1999,
        currency: "usd",
        status: "paid",
      },
    });
    const workspaces = await (await get("workspaces", `q=${tag}-ltd`)).text();
    expect(workspaces).toContain(`${ws.id},${tag} Ltd,${tag}-ltd,,Free,Subscription,1234.5,active,`);
    const payments = await (await get("payments", `q=${tag}`)).text();
    expect(payments.split("\r\n")[1]).toMatch(
      new RegExp(`,${tag} Ltd,${tag} pack,19\\.99,0\\.00,0\\.00,USD,paid,manual$`),
    );
    expect((await get("nothing")).status).toBe(404);
  });
});
