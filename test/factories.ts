import { randomUUID } from "node:crypto";
import { signUp } from "@/lib/auth/accounts";
import type { Prisma } from "@/lib/db";

export const uniqueEmail = (label = "user") => `${label}-${randomUUID().slice(0, 8)}@example.test`;

export async function createUser(
  opts: { verified?: boolean; role?: "user" | "admin"; password?: string } = {},
) {
  const email = uniqueEmail();
  const password = opts.password ?? "correct horse battery";
  const user = await signUp(
    { email, password, name: "Test User" },
    { verified: opts.verified, role: opts.role },
  );
  return { ...user, password };
}

/**
 * A team workspace (created through the domain) with a verified owner and one verified user per
 * extra role, on a plan with room for them (Pro: 10 seats) unless `plan` says otherwise.
 */
export async function createTeamWith(
  roles: ("admin" | "member" | "billing" | "owner")[] = ["admin", "member", "billing"],
  plan: string = "pro",
) {
  const { createTeam } = await import("@/lib/teams/members");
  const { setManualSubscription } = await import("@/lib/workspaces/administration");
  const { db } = await import("@/lib/db");
  const owner = await createUser({ verified: true });
  const workspace = await createTeam(
    { id: owner.id, email: owner.email },
    `Team ${randomUUID().slice(0, 6)}`,
  );
  if (plan !== "free") await setManualSubscription(null, workspace.id, { tier: plan, interval: "month" });
  const ownerMembership = await db.membership.findUniqueOrThrow({
    where: { userId_workspaceId: { userId: owner.id, workspaceId: workspace.id } },
  });
  const members = await Promise.all(
    roles.map(async (role) => {
      const user = await createUser({ verified: true });
      const membership = await db.membership.create({
        data: { userId: user.id, workspaceId: workspace.id, role },
      });
      return { user, membership, role };
    }),
  );
  const byRole = (role: string) => {
    if (role === "owner") return { user: owner, membership: ownerMembership, role: "owner" as const };
    const found = members.find((m) => m.role === role);
    if (!found) throw new Error(`no ${role} in this team`);
    return found;
  };
  return { workspace, owner, members, byRole };
}

/** What a new workspace holds from the start: the free plan's included credits for the month. */
export async function startingCredits() {
  const { db } = await import("@/lib/db");
  return (await db.tier.findUniqueOrThrow({ where: { code: "free" } })).includedMillicredits;
}

/**
 * Turns a fresh workspace into one where every paid call draws credits from an empty balance: pay
 * as you go (no daily quota) and the sign-up credits taken back. For tests about the wallet alone.
 */
export async function creditsOnly(workspaceId: string) {
  const { db } = await import("@/lib/db");
  const { changeBalance } = await import("@/lib/billing/ledger");
  await db.workspace.update({ where: { id: workspaceId }, data: { accountType: "payg" } });
  const { balanceMillicredits } = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  if (balanceMillicredits > 0n)
    await changeBalance({
      workspaceId,
      amountMillicredits: -balanceMillicredits,
      kind: "admin_adjustment",
      reference: `test:credits-only:${workspaceId}`,
      reason: "test: start from an empty balance",
    });
}

/** A live subscription to tier `code` for the 30 days from now; `data` adds to it (provider, status, ...). */
export async function subscribe(
  workspaceId: string,
  code: string,
  data: Omit<Partial<Prisma.SubscriptionUncheckedCreateInput>, "workspaceId" | "tierId"> = {},
) {
  const { db } = await import("@/lib/db");
  const tier = await db.tier.findUniqueOrThrow({ where: { code } });
  const now = new Date();
  return db.subscription.create({
    data: {
      workspaceId,
      tierId: tier.id,
      currentPeriodStart: now,
      currentPeriodEnd: new Date(now.getTime() + 30 * 864e5),
      ...data,
    },
  });
}
