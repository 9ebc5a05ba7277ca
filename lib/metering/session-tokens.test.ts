import { afterEach, describe, expect, it } from "vitest";
import * as sessionsRoute from "@/app/api/v1/admin/workspaces/[id]/sessions/route";
import * as entitlementRoute from "@/app/api/v1/entitlements/[featureKey]/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as modelRoute from "@/app/api/v1/models/[id]/route";
import * as modelsRoute from "@/app/api/v1/models/route";
import * as reservationsRoute from "@/app/api/v1/reservations/route";
import * as batchRoute from "@/app/api/v1/usage/batch/route";
import * as usageRoute from "@/app/api/v1/usage/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { apiWorkspace, teamWorkspace, usageRequest } from "@/test/metering";
import { signSessionToken, verifySessionToken } from "./session-tokens";

const ADMIN_KEY = "tga_session_tokens_test_0123456789";
env.TOLLGATE_ADMIN_API_KEY = ADMIN_KEY;
const APP = "https://app.example.com";
const STANDARD_MODEL = "poster-editor:inpaint-standard"; // 12,000 mc an image on the free tier

const req = (
  path: string,
  token: string | null,
  init: { method?: string; body?: unknown; origin?: string } = {},
) =>
  new Request(`http://localhost${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.origin ? { origin: init.origin } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

async function mint(workspaceId: string, body: unknown = {}) {
  return sessionsRoute.POST(
    new Request(`http://localhost/api/v1/admin/workspaces/${workspaceId}/sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    params({ id: workspaceId }),
  );
}

afterEach(() => {
  env.ALLOWED_ORIGINS = [];
});

describe("customer session tokens (SPEC §8.4)", () => {
  it("mints a token of at most an hour that reads /me, /models and /entitlements", async () => {
    const { workspace } = await apiWorkspace({ balance: 42_000n });
    const res = await mint(workspace.id, { ttlSeconds: 900 });
    expect(res.status).toBe(201);
    const { token, expiresAt } = (await res.json()) as { token: string; expiresAt: string };
    expect(token).toMatch(/^tgs_/);
    const lifetime = new Date(expiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(890_000);
    expect(lifetime).toBeLessThanOrEqual(900_000);

    const me = await meRoute.GET(req("/api/v1/me", token));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      workspace: { id: workspace.id },
      balance: { millicredits: 42_000 },
    });
    expect((await modelsRoute.GET(req("/api/v1/models", token))).status).toBe(200);
    const id = "chat:gpt-4o-mini";
    expect((await modelRoute.GET(req(`/api/v1/models/${id}`, token), params({ id }))).status).toBe(200);
    const ent = await entitlementRoute.GET(
      req("/api/v1/entitlements/team_seats", token),
      params({ featureKey: "team_seats" }),
    );
    expect(ent.status).toBe(200);

    expect((await mint(workspace.id, { ttlSeconds: 3601 })).status).toBe(400);
    expect((await mint("cm_no_such_workspace")).status).toBe(404);
  });

  it("is read-only: every route that charges refuses it with 401 invalid_api_key, and nothing moves", async () => {
    const { workspace } = await apiWorkspace({ balance: 100_000n });
    const { token } = (await (await mint(workspace.id)).json()) as { token: string };
    const model = "poster-editor:inpaint-standard";
    const refusals = [
      await usageRoute.POST(req("/api/v1/usage", token, { body: { model } })),
      await batchRoute.POST(
        req("/api/v1/usage/batch", token, { body: { events: [{ model, idempotencyKey: "s-1" }] } }),
      ),
      await reservationsRoute.POST(req("/api/v1/reservations", token, { body: { model, quantity: 1 } })),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("invalid_api_key");
      expect(body.error.message).toMatch(/read-only/);
    }
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).balanceMillicredits).toBe(
      100_000n,
    );
  });

  it("expires to the millisecond, and a forged or suspended workspace's token is refused", async () => {
    const { workspace } = await apiWorkspace();
    const expiresAt = new Date(Date.now() + 60_000);
    const token = signSessionToken(workspace.id, expiresAt);
    expect(verifySessionToken(token, new Date(expiresAt.getTime() - 1))).toEqual({
      workspaceId: workspace.id,
      expiresAt,
      memberId: null,
    });
    expect(verifySessionToken(token, expiresAt)).toBeNull();

    const expired = signSessionToken(workspace.id, new Date(Date.now() - 1));
    const refused = await meRoute.GET(req("/api/v1/me", expired));
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("invalid_api_key");

    const other = await apiWorkspace();
    const [payload] = token.slice(4).split(".");
    const forged = `tgs_${payload}.${signSessionToken(other.workspace.id, expiresAt).split(".")[1]}`;
    expect((await meRoute.GET(req("/api/v1/me", forged))).status).toBe(401);

    await db.workspace.update({ where: { id: workspace.id }, data: { suspendedAt: new Date() } });
    const suspended = await meRoute.GET(req("/api/v1/me", token));
    expect(suspended.status).toBe(403);
    expect(((await suspended.json()) as { error: { code: string } }).error.code).toBe("workspace_suspended");
  });

  it("scoped to a member (memberId), shows that member's own spend cap on /me; refuses non-members", async () => {
    const { workspace, members } = await teamWorkspace({
      balance: 1_000_000n,
      members: [{}, { cap: 50_000n }],
    });
    const [owner, capped] = members;
    expect((await usageRoute.POST(usageRequest(capped.key, { model: STANDARD_MODEL }))).status).toBe(200);

    const res = await mint(workspace.id, { ttlSeconds: 600, memberId: capped.user.id });
    expect(res.status).toBe(201);
    const minted = (await res.json()) as { token: string; memberId: string };
    expect(minted.memberId).toBe(capped.user.id);
    const me = (await (await meRoute.GET(req("/api/v1/me", minted.token))).json()) as Record<string, unknown>;
    expect(me).toMatchObject({
      workspace: { id: workspace.id },
      balance: { millicredits: 988_000 },
      member: {
        id: capped.user.id,
        spendCap: { capMillicredits: 50_000, spentMillicredits: 12_000, remainingMillicredits: 38_000 },
      },
    });
    // A member without a cap is named, with no cap; a token for the whole workspace names nobody.
    const ownerToken = (
      (await (await mint(workspace.id, { memberId: owner.user.id })).json()) as { token: string }
    ).token;
    expect(await (await meRoute.GET(req("/api/v1/me", ownerToken))).json()).toMatchObject({
      member: { id: owner.user.id, spendCap: null },
    });
    const whole = (await (await mint(workspace.id)).json()) as { token: string; memberId: null };
    expect(whole.memberId).toBeNull();
    expect(await (await meRoute.GET(req("/api/v1/me", whole.token))).json()).toMatchObject({ member: null });
    // The capped member's own API key sees the same block.
    expect(await (await meRoute.GET(req("/api/v1/me", capped.key))).json()).toMatchObject({
      member: { id: capped.user.id, spendCap: { spentMillicredits: 12_000 } },
    });

    // Someone else's user, an unknown id, or a member of another workspace: 404, no token.
    const other = await teamWorkspace({ members: [{}] });
    for (const memberId of [other.members[0].user.id, "cm_no_such_user"]) {
      const refused = await mint(workspace.id, { memberId });
      expect(refused.status).toBe(404);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
    expect((await mint(workspace.id, { memberId: "" })).status).toBe(400);

    // A member who leaves takes their tokens with them.
    await db.membership.delete({
      where: { userId_workspaceId: { userId: capped.user.id, workspaceId: workspace.id } },
    });
    const gone = await meRoute.GET(req("/api/v1/me", minted.token));
    expect(gone.status).toBe(401);
    expect(((await gone.json()) as { error: { message: string } }).error.message).toMatch(
      /no longer belongs/,
    );
    expect((await meRoute.GET(req("/api/v1/me", whole.token))).status).toBe(200);
  });

  it("answers CORS for origins in ALLOWED_ORIGINS only: preflight, reads and refusals", async () => {
    env.ALLOWED_ORIGINS = [APP];
    const { workspace } = await apiWorkspace();
    const { token } = (await (await mint(workspace.id)).json()) as { token: string };

    const preflight = await meRoute.OPTIONS(req("/api/v1/me", null, { method: "OPTIONS", origin: APP }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(APP);
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    expect(preflight.headers.get("access-control-allow-methods")).toMatch(/GET/);

    const read = await modelsRoute.GET(req("/api/v1/models", token, { origin: APP }));
    expect(read.status).toBe(200);
    expect(read.headers.get("access-control-allow-origin")).toBe(APP);
    expect(read.headers.get("access-control-expose-headers")).toMatch(/X-Credits-Remaining/);
    expect(read.headers.get("vary")).toMatch(/Origin/);
    // A refusal is readable by the app too, so it can say why.
    const expired = signSessionToken(workspace.id, new Date(Date.now() - 1));
    const refusal = await meRoute.GET(req("/api/v1/me", expired, { origin: APP }));
    expect(refusal.status).toBe(401);
    expect(refusal.headers.get("access-control-allow-origin")).toBe(APP);

    for (const origin of ["https://evil.example.com", "https://app.example.com.evil.test"]) {
      const pre = await meRoute.OPTIONS(req("/api/v1/me", null, { method: "OPTIONS", origin }));
      expect(pre.headers.get("access-control-allow-origin")).toBeNull();
      expect(pre.headers.get("access-control-allow-headers")).toBeNull();
      const res = await meRoute.GET(req("/api/v1/me", token, { origin }));
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});
