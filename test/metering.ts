import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/metering/api-keys";
import { changeBalance } from "@/lib/billing/ledger";
import { subscribe } from "./factories";

/** A workspace with a verified owner, an optional plan, a starting balance and an API key. */
export async function apiWorkspace(
  opts: {
    balance?: bigint;
    tier?: string;
    accountType?: "payg" | "subscription";
    overage?: boolean;
    cap?: bigint;
  } = {},
) {
  const workspace = await db.workspace.create({
    data: {
      name: "API test",
      slug: `api-${randomUUID()}`,
      accountType: opts.accountType ?? "payg",
      overageEnabled: opts.overage ?? false,
    },
  });
  if (opts.tier) await subscribe(workspace.id, opts.tier);
  if (opts.balance)
    await changeBalance({
      workspaceId: workspace.id,
      amountMillicredits: opts.balance,
      kind: "admin_adjustment",
      reference: `seed:${workspace.id}`,
      reason: "test",
    });
  const { key, record } = await createApiKey(null, workspace.id, {
    name: "test",
    monthlySpendCapMillicredits: opts.cap ?? null,
  });
  return { workspace, key, apiKey: record };
}

/** Waits for the next minute when less than 10 s of this one is left: a rate-limit test's per-minute count must not start over half-way. */
export async function startOfAMinute() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await new Promise((r) => setTimeout(r, left + 50));
}

export function usageRequest(key: string | null, body: unknown, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/v1/usage", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export async function ledgerSum(workspaceId: string) {
  const rows = await db.$queryRaw<
    { sum: bigint | null }[]
  >`select sum("amountMillicredits")::bigint as sum from "LedgerEntry" where "workspaceId" = ${workspaceId}`;
  return rows[0].sum ?? 0n;
}

/**
 * A team workspace (not personal) sharing one balance, with one member per entry in `members`,
 * each with their own API key (created by them) and an optional monthly spend cap in the team.
 */
export async function teamWorkspace(opts: {
  balance?: bigint;
  members: { cap?: bigint | null; keyCap?: bigint | null }[];
}) {
  const workspace = await db.workspace.create({
    // Pay as you go: every call draws the shared balance (these tests are about the pool and caps).
    data: { name: "Team test", slug: `team-${randomUUID()}`, personal: false, accountType: "payg" },
  });
  if (opts.balance)
    await changeBalance({
      workspaceId: workspace.id,
      amountMillicredits: opts.balance,
      kind: "admin_adjustment",
      reference: `seed:${workspace.id}`,
      reason: "test",
    });
  const members = [];
  for (const [i, m] of opts.members.entries()) {
    const id = randomUUID().slice(0, 8);
    const user = await db.user.create({
      data: { email: `member-${id}@example.test`, referralCode: `ref-${id}`, emailVerifiedAt: new Date() },
    });
    await db.membership.create({
      data: {
        userId: user.id,
        workspaceId: workspace.id,
        role: i === 0 ? "owner" : "member",
        monthlySpendCapMillicredits: m.cap ?? null,
      },
    });
    const { key, record } = await createApiKey({ id: user.id, email: user.email }, workspace.id, {
      name: `key ${i}`,
      monthlySpendCapMillicredits: m.keyCap ?? null,
    });
    members.push({ user, key, apiKey: record });
  }
  return { workspace, members };
}

export async function memberSpend(workspaceId: string, userId: string, month?: Date) {
  const rows = await db.memberSpend.findMany({ where: { workspaceId, userId, ...(month ? { month } : {}) } });
  return rows.reduce((sum, r) => sum + r.millicredits, 0n);
}
