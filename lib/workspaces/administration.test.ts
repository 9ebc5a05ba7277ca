import { describe, expect, it } from "vitest";
import { POST as createWorkspace } from "@/app/api/v1/admin/workspaces/route";
import { GET as getWorkspace } from "@/app/api/v1/admin/workspaces/[id]/route";
import { POST as credits } from "@/app/api/v1/admin/workspaces/[id]/credits/route";
import { PUT as subscription } from "@/app/api/v1/admin/workspaces/[id]/subscription/route";
import { POST as apiKeys } from "@/app/api/v1/admin/workspaces/[id]/api-keys/route";
import { GET as ledger } from "@/app/api/v1/admin/workspaces/[id]/ledger/route";
import { GET as usageList } from "@/app/api/v1/admin/workspaces/[id]/usage/route";
import { POST as usage } from "@/app/api/v1/usage/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { uniqueEmail } from "@/test/factories";
import { usageRequest } from "@/test/metering";

const ADMIN_KEY = "tga_bootstrap_key_for_tests_0123456789";
env.TOLLGATE_ADMIN_API_KEY = ADMIN_KEY;

function req(method: string, body?: unknown, key = ADMIN_KEY, query = "") {
  return new Request(`http://localhost/api/v1/admin/x${query}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("management API", () => {
  it("creates a workspace, grants credits idempotently, comps a plan, issues a key that works", async () => {
    const email = uniqueEmail("owner");
    const created = await createWorkspace(req("POST", { name: "Acme Video", ownerEmail: email }), {
      params: Promise.resolve({}),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("x-ratelimit-limit")).toBe("600");
    const ws = await created.json();
    // On the free plan: its daily quota, and its credits for the month.
    expect(ws).toMatchObject({
      name: "Acme Video",
      tier: "free",
      accountType: "subscription",
      balance: { millicredits: 1_000_000, credits: "1000" },
      quota: { used: 0, limit: 50 },
    });
    expect(
      await db.membership.findFirst({ where: { workspaceId: ws.id, role: "owner", user: { email } } }),
    ).not.toBeNull();

    const grant = { millicredits: 50_000, reason: "Welcome credit", idempotencyKey: "grant-1" };
    const first = await (await credits(req("POST", grant), params(ws.id))).json();
    const again = await (await credits(req("POST", grant), params(ws.id))).json();
    expect(first).toMatchObject({ applied: true, balance: { millicredits: 1_050_000 } });
    expect(again).toMatchObject({ applied: false, balance: { millicredits: 1_050_000 } });
    const tooMuch = await credits(
      req("POST", { millicredits: -1_060_000, reason: "Oops", idempotencyKey: "d-1" }),
      params(ws.id),
    );
    expect(tooMuch.status).toBe(402);

    const comped = await (
      await subscription(req("PUT", { tier: "pro", interval: "year" }), params(ws.id))
    ).json();
    expect(comped).toMatchObject({
      tier: "pro",
      accountType: "subscription",
      subscription: { provider: "manual", interval: "year", status: "active" },
      quota: { used: 0, limit: 3000 },
    });

    const keyRes = await apiKeys(req("POST", { name: "backend" }), params(ws.id));
    expect(keyRes.status).toBe(201);
    const { key } = await keyRes.json();
    expect(key).toMatch(/^tg_/);
    const call = await usage(usageRequest(key, { model: "poster-editor:inpaint-pro", quantity: 2 }));
    expect(call.status).toBe(200);
    expect(await call.json()).toMatchObject({ billedTo: "quota", quota: { used: 6, limit: 3000 } });

    const page = await (
      await ledger(req("GET", undefined, ADMIN_KEY, "?page=1&pageSize=10"), params(ws.id))
    ).json();
    // Newest first: Pro's included credits on top of the month's free ones, the grant, the free credits.
    expect(page).toMatchObject({
      total: 3,
      data: [
        { kind: "monthly_grant", amountMillicredits: { millicredits: 99_000_000 } },
        { kind: "admin_adjustment", reason: "Welcome credit", amountMillicredits: { millicredits: 50_000 } },
        { kind: "monthly_grant", amountMillicredits: { millicredits: 1_000_000 } },
      ],
    });
    const detail = await (await getWorkspace(req("GET"), params(ws.id))).json();
    expect(detail.quota.used).toBe(6);
  });

  it("refuses workspace keys, unknown keys and bad bodies with the SPEC's codes", async () => {
    const bad = await createWorkspace(
      req("POST", { name: "x", ownerEmail: "x@example.test" }, "tga_unknown_key_0123456789abc"),
      { params: Promise.resolve({}) },
    );
    expect(bad.status).toBe(401);
    const wrongKind = await createWorkspace(req("POST", {}, "tg_workspacekey"), {
      params: Promise.resolve({}),
    });
    expect(wrongKind.status).toBe(401);
    const invalid = await createWorkspace(req("POST", { name: "", ownerEmail: "nope" }), {
      params: Promise.resolve({}),
    });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.code).toBe("invalid_request");
    const missing = await getWorkspace(req("GET"), params("no-such-workspace"));
    expect(missing.status).toBe(404);
  });

  it("409 for an idempotency key reused with another amount or reason; the same body still replays", async () => {
    const ws = await (
      await createWorkspace(req("POST", { name: "Reuse", ownerEmail: uniqueEmail("reuse") }), {
        params: Promise.resolve({}),
      })
    ).json();
    const grant = { millicredits: 10_000, reason: "Goodwill", idempotencyKey: "reuse-1" };
    expect(await (await credits(req("POST", grant), params(ws.id))).json()).toMatchObject({
      applied: true,
      balance: { millicredits: 1_010_000 },
    });
    for (const other of [
      { ...grant, millicredits: 20_000 },
      { ...grant, millicredits: -10_000 },
      { ...grant, reason: "Something else" },
    ]) {
      const res = await credits(req("POST", other), params(ws.id));
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe("idempotency_key_reused");
    }
    expect(await (await credits(req("POST", grant), params(ws.id))).json()).toMatchObject({
      applied: false,
      balance: { millicredits: 1_010_000 },
    });
    expect(await db.ledgerEntry.count({ where: { workspaceId: ws.id, kind: "admin_adjustment" } })).toBe(1);
    const blank = await credits(req("POST", { ...grant, idempotencyKey: "  " }), params(ws.id));
    expect(blank.status).toBe(400);
  });

  it("404 for an unknown workspace on every route, 400 for a malformed id", async () => {
    const unknown = params("cm0000000000000000unknown");
    const answers = [
      await getWorkspace(req("GET"), unknown),
      await ledger(req("GET"), unknown),
      await usageList(req("GET"), unknown),
      await credits(req("POST", { millicredits: 1, reason: "x", idempotencyKey: "u-1" }), unknown),
      await subscription(req("PUT", { tier: "pro" }), unknown),
      await apiKeys(req("POST", { name: "x" }), unknown),
    ];
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
    for (const id of ["\u0000", "%ff", "x".repeat(10_000)]) {
      const res = await ledger(req("GET"), params(id));
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("invalid_request");
    }
  });
});
