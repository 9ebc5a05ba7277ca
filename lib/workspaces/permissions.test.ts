import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { couponSchema, createCoupon } from "@/lib/billing/coupons";
import { db, type MemberRole } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { createApiKey } from "@/lib/metering/api-keys";
import { createInvite } from "@/lib/teams/invites";
import {
  changeMemberRole,
  removeMember,
  renameWorkspace,
  setMemberSpendCap,
  transferOwnership,
} from "@/lib/teams/members";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { createTeamWith, createUser, uniqueEmail } from "@/test/factories";
import { assertCan, can, MEMBER_ROLES, PERMISSIONS, type Permission } from "./permissions";
import { setOverage } from "./workspaces";

// The dashboard's server actions run with a stubbed session: whoever `session.ctx` says is signed in.
const session = vi.hoisted(() => ({ ctx: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  getDashboardContext: async () => session.ctx,
  setCurrentWorkspace: async () => {},
  getCurrentUser: async () => null,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

type Team = Awaited<ReturnType<typeof createTeamWith>>;

/** Signs in as the team's member with this role; returns what the domain functions take. */
async function as(team: Team, role: MemberRole) {
  const { user } = team.byRole(role);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: team.workspace.id } });
  session.ctx = { user, workspace: { ...workspace, role }, role, workspaces: [] };
  return { actor: { id: user.id, email: user.email }, workspaceId: workspace.id, role };
}

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

/** Every role tries; the roles the table allows succeed, the others get ForbiddenError and nothing changes. */
async function eachRole(
  permission: Permission,
  attempt: (role: MemberRole) => Promise<unknown>,
  state: () => Promise<unknown>,
) {
  for (const role of MEMBER_ROLES) {
    const before = await state();
    const run = attempt(role);
    if (PERMISSIONS[permission].includes(role)) {
      await run.catch((e: unknown) => {
        throw new Error(`${role} may ${permission}, but: ${e instanceof Error ? e.message : String(e)}`);
      });
    } else {
      await expect(run, `${role} may not ${permission}`).rejects.toBeInstanceOf(ForbiddenError);
      expect(await state(), `${role} changed nothing`).toEqual(before);
    }
  }
}

/** A dashboard action's result as a promise: its error (a refusal) rejects with ForbiddenError when it is one. */
async function viaAction(result: Promise<{ ok?: boolean; error?: string }>) {
  const state = await result;
  if (state.error?.startsWith("Only ") || state.error?.startsWith("You can only"))
    throw new ForbiddenError(state.error);
  if (!state.ok) throw new Error(state.error ?? "action failed");
  return state;
}

describe("the permission table", () => {
  it("is the agreed matrix", () => {
    const allowed = (role: MemberRole) =>
      (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
    // Owners do everything; admins all but transfer ownership; billing sees usage and pays; members use keys.
    expect(allowed("owner")).toEqual(Object.keys(PERMISSIONS));
    expect(allowed("admin")).toEqual(Object.keys(PERMISSIONS).filter((p) => p !== "ownership.transfer"));
    expect(allowed("billing")).toEqual(["usage.view", "billing.manage"]);
    expect(allowed("member")).toEqual(["usage.view", "api_keys.own"]);
    for (const role of MEMBER_ROLES) expect(can(role, "usage.view")).toBe(true);
  });

  it("refuses with a message that says who may", () => {
    expect(() => assertCan("member", "provider_keys.manage")).toThrow(
      "Only workspace owners and admins manage provider keys.",
    );
    expect(() => assertCan("member", "billing.manage", "change the plan")).toThrow(
      "Only owners, admins and billing members change the plan.",
    );
    expect(() => assertCan("admin", "ownership.transfer")).toThrow("Only owners transfer ownership.");
    expect(() => assertCan("stranger", "usage.view")).toThrow(ForbiddenError);
    expect(() => assertCan("billing", "billing.manage")).not.toThrow();
  });
});

describe("each permission, action by action", () => {
  it("api_keys.own: owners, admins and members create keys of their own; billing members cannot", async () => {
    const team = await createTeamWith();
    const { createKeyAction } = await import("@/app/(dashboard)/dashboard/api-keys/actions");
    const keys = () => db.apiKey.count({ where: { workspaceId: team.workspace.id } });
    await eachRole(
      "api_keys.own",
      async (role) => {
        await as(team, role);
        return viaAction(createKeyAction({}, form({ name: `${role} key` })));
      },
      keys,
    );
    const member = team.byRole("member").user;
    expect(
      await db.apiKey.findMany({
        where: { workspaceId: team.workspace.id, createdById: member.id },
        select: { name: true },
      }),
    ).toEqual([{ name: "member key" }]);
  });

  it("api_keys.manage: owners and admins revoke anyone's key and set key caps; a member only revokes their own", async () => {
    const team = await createTeamWith();
    const { createKeyAction, revokeKeyAction } = await import("@/app/(dashboard)/dashboard/api-keys/actions");
    const ownerKey = async () =>
      (
        await createApiKey({ id: team.owner.id, email: team.owner.email }, team.workspace.id, {
          name: "owner's",
        })
      ).record.id;
    const targets = new Map<MemberRole, string>();
    for (const role of MEMBER_ROLES) targets.set(role, await ownerKey());
    const active = () => db.apiKey.count({ where: { workspaceId: team.workspace.id, revokedAt: null } });
    await eachRole(
      "api_keys.manage",
      async (role) => {
        await as(team, role);
        return viaAction(revokeKeyAction({}, form({ id: targets.get(role) ?? "" })));
      },
      active,
    );
    await eachRole(
      "api_keys.manage",
      async (role) => {
        await as(team, role);
        return viaAction(createKeyAction({}, form({ name: "capped", monthlyCap: "500" })));
      },
      active,
    );

    await as(team, "member");
    const own = await viaAction(createKeyAction({}, form({ name: "mine" })));
    const mine = await db.apiKey.findFirstOrThrow({
      where: { workspaceId: team.workspace.id, name: "mine" },
    });
    expect(own.ok).toBe(true);
    await viaAction(revokeKeyAction({}, form({ id: mine.id })));
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: mine.id } })).revokedAt).not.toBeNull();
  });

  it("billing.manage: owners, admins and billing members toggle overage and redeem coupons; members cannot", async () => {
    const team = await createTeamWith();
    const overage = async () =>
      (await db.workspace.findUniqueOrThrow({ where: { id: team.workspace.id } })).overageEnabled;
    let next = true;
    await eachRole(
      "billing.manage",
      async (role) => {
        const by = await as(team, role);
        await setOverage(by.actor, by.workspaceId, (next = !next));
      },
      overage,
    );

    const { redeemCouponAction } = await import("@/app/(dashboard)/dashboard/credits/actions");
    const balance = async () =>
      (await db.workspace.findUniqueOrThrow({ where: { id: team.workspace.id } })).balanceMillicredits;
    await as(team, "member");
    const coupon = await createCoupon(
      { id: "admin", email: "admin@example.test" },
      couponSchema.parse({
        code: `TEAM-${randomUUID().slice(0, 6).toUpperCase()}`,
        kind: "credits",
        credits: "100",
      }),
    );
    expect(await redeemCouponAction({}, form({ code: coupon.code }))).toMatchObject({
      error: "Only owners, admins and billing members redeem coupons.",
    });
    const before = await balance();
    await as(team, "billing");
    expect(await redeemCouponAction({}, form({ code: coupon.code }))).toMatchObject({ ok: true });
    expect(await balance()).toBe(before + 100_000n);
  });

  it("members.invite: owners and admins invite; members and billing members cannot", async () => {
    const team = await createTeamWith();
    const invites = () => db.teamInvite.count({ where: { workspaceId: team.workspace.id } });
    await eachRole(
      "members.invite",
      async (role) => createInvite(await as(team, role), { email: uniqueEmail("invitee"), role: "member" }),
      invites,
    );
    expect(await invites()).toBe(2);
  });

  it("members.manage: owners and admins change roles, set caps and remove members; others cannot", async () => {
    const team = await createTeamWith();
    const target = async () => {
      const u = await createUser({ verified: true });
      return db.membership.create({ data: { userId: u.id, workspaceId: team.workspace.id, role: "member" } });
    };
    const t1 = await target();
    const row = (id: string) => db.membership.findUnique({ where: { id } });
    await eachRole(
      "members.manage",
      async (role) => setMemberSpendCap(await as(team, role), t1.id, 5_000n),
      () => row(t1.id),
    );
    expect((await row(t1.id))?.monthlySpendCapMillicredits).toBe(5_000n);

    let roleNow: MemberRole = "member";
    await eachRole(
      "members.manage",
      async (role) =>
        changeMemberRole(
          await as(team, role),
          t1.id,
          (roleNow = roleNow === "member" ? "billing" : "member"),
        ),
      () => row(t1.id),
    );

    let current = await target();
    const members = () => db.membership.count({ where: { workspaceId: team.workspace.id } });
    await eachRole(
      "members.manage",
      async (role) => {
        const by = await as(team, role);
        const removed = await removeMember(by, current.id);
        current = await target();
        return removed;
      },
      members,
    );
  });

  it("ownership.transfer: only the owner hands the team over", async () => {
    for (const role of MEMBER_ROLES) {
      const team = await createTeamWith(["admin", "member", "billing"]);
      const to = role === "member" ? team.byRole("admin") : team.byRole("member");
      const attempt = transferOwnership(await as(team, role), to.membership.id);
      if (role === "owner") {
        await attempt;
        expect((await db.membership.findUniqueOrThrow({ where: { id: to.membership.id } })).role).toBe(
          "owner",
        );
      } else {
        await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
        expect(
          await db.membership.count({
            where: { workspaceId: team.workspace.id, role: "owner", userId: team.owner.id },
          }),
        ).toBe(1);
      }
    }
  });

  it("workspace.settings: owners and admins rename the team", async () => {
    const team = await createTeamWith();
    const name = async () =>
      (await db.workspace.findUniqueOrThrow({ where: { id: team.workspace.id } })).name;
    await eachRole(
      "workspace.settings",
      async (role) => renameWorkspace(await as(team, role), `Renamed by ${role}`),
      name,
    );
    expect(await name()).toBe("Renamed by admin");
  });

  it("provider_keys.manage: owners and admins save provider keys", async () => {
    const team = await createTeamWith();
    const { saveProviderKeyAction } = await import("@/app/(dashboard)/dashboard/provider-keys/actions");
    const keys = () =>
      db.providerKey.findMany({ where: { workspaceId: team.workspace.id }, select: { last4: true } });
    await eachRole(
      "provider_keys.manage",
      async (role) => {
        await as(team, role);
        return viaAction(
          saveProviderKeyAction({}, form({ provider: "openai", apiKey: `sk-${role}-${randomUUID()}` })),
        );
      },
      keys,
    );
  });

  it("webhooks.manage: owners and admins add endpoints", async () => {
    const team = await createTeamWith();
    const endpoints = () => db.webhookEndpoint.count({ where: { workspaceId: team.workspace.id } });
    await eachRole(
      "webhooks.manage",
      async (role) =>
        createWebhookEndpoint((await as(team, role)).actor, team.workspace.id, {
          url: "https://example.com/hooks",
          description: role,
          eventTypes: ["credits.low"],
        }),
      endpoints,
    );
    expect(await endpoints()).toBe(2);
  });
});
