import "server-only";
import { z } from "zod";
import { livePlanName, liveSubscriptionArgs, onTierWhere } from "@/lib/billing/subscriptions";
import { db, type Prisma } from "@/lib/db";
import { dayParam, dayRange, enumParam, paged, textParam, tierParam, type SearchParams } from "./filters";
import { orderByFor, parseSort, type Sort, type SortDir } from "./list-sort";

// The admin console's view of workspaces: the filtered list, one workspace, and each detail tab's page.

export const workspaceFilterSchema = z.object({
  q: textParam,
  tier: tierParam,
  accountType: enumParam(["payg", "subscription"]),
  status: enumParam(["active", "suspended"]),
  from: dayParam,
  to: dayParam,
});

export type WorkspaceFilter = z.infer<typeof workspaceFilterSchema>;

export const parseWorkspaceFilter = (params: SearchParams): WorkspaceFilter =>
  workspaceFilterSchema.parse(params);

export function workspaceWhere(filter: WorkspaceFilter): Prisma.WorkspaceWhereInput {
  const and: Prisma.WorkspaceWhereInput[] = [];
  if (filter.q) {
    and.push({
      OR: [
        { name: { contains: filter.q, mode: "insensitive" } },
        { slug: { contains: filter.q, mode: "insensitive" } },
        {
          memberships: {
            some: { role: "owner", user: { email: { contains: filter.q, mode: "insensitive" } } },
          },
        },
      ],
    });
  }
  if (filter.tier) and.push(onTierWhere(filter.tier));
  if (filter.accountType) and.push({ accountType: filter.accountType });
  if (filter.status) and.push({ suspendedAt: filter.status === "suspended" ? { not: null } : null });
  const created = dayRange(filter.from, filter.to);
  if (created) and.push({ createdAt: created });
  return and.length ? { AND: and } : {};
}

const owner = {
  where: { role: "owner" },
  orderBy: { createdAt: "asc" },
  take: 1,
  select: { user: { select: { id: true, email: true } } },
} satisfies Prisma.Workspace$membershipsArgs;

/** The columns the workspaces list sorts by (the whitelist), each as its ORDER BY. */
const WORKSPACE_ORDER = {
  name: (d: SortDir) => [{ name: d }],
  accountType: (d: SortDir) => [{ accountType: d }],
  balance: (d: SortDir) => [{ balanceMillicredits: d }],
  status: (d: SortDir) => [{ suspendedAt: { sort: d, nulls: d === "asc" ? "first" : "last" } }],
  createdAt: (d: SortDir) => [{ createdAt: d }],
} satisfies Record<string, (d: SortDir) => Prisma.WorkspaceOrderByWithRelationInput[]>;

export type WorkspaceSortKey = keyof typeof WORKSPACE_ORDER;
export const WORKSPACE_SORT_DEFAULT: Sort<WorkspaceSortKey> = { key: "createdAt", dir: "desc" };
export const parseWorkspaceSort = (params: SearchParams) =>
  parseSort(params, Object.keys(WORKSPACE_ORDER) as WorkspaceSortKey[], WORKSPACE_SORT_DEFAULT);

/** Rows `skip`..`skip + take` of the filtered, sorted workspaces, with owner and plan (pages and CSV export). */
export const workspaceRows = (
  filter: WorkspaceFilter,
  sort: Sort<WorkspaceSortKey>,
  skip: number,
  take: number,
) =>
  db.workspace.findMany({
    where: workspaceWhere(filter),
    orderBy: orderByFor<WorkspaceSortKey, Prisma.WorkspaceOrderByWithRelationInput>(
      sort,
      WORKSPACE_ORDER,
      (d) => ({ id: d }),
    ),
    skip,
    take,
    include: { memberships: owner, subscriptions: livePlanName },
  });

export const countWorkspaces = (filter: WorkspaceFilter) =>
  db.workspace.count({ where: workspaceWhere(filter) });

/** One page of workspaces (newest first unless sorted otherwise), with owner and current plan. */
export async function listWorkspaces(
  filter: WorkspaceFilter,
  requestedPage: number,
  sort: Sort<WorkspaceSortKey> = WORKSPACE_SORT_DEFAULT,
) {
  return paged(
    () => countWorkspaces(filter),
    (skip, take) => workspaceRows(filter, sort, skip, take),
    requestedPage,
  );
}

/** The workspace with its owner and live subscription; null when unknown. */
export function getWorkspaceDetail(id: string) {
  return db.workspace.findUnique({
    where: { id },
    include: {
      memberships: owner,
      subscriptions: {
        ...liveSubscriptionArgs,
        include: { tier: true, scheduledTier: { select: { code: true, name: true } } },
      },
      _count: { select: { memberships: true, apiKeys: true } },
    },
  });
}

const newest = [{ createdAt: "desc" as const }, { id: "desc" as const }];

export function workspaceSubscriptions(workspaceId: string, page: number) {
  const where = { workspaceId };
  return paged(
    () => db.subscription.count({ where }),
    (skip, take) =>
      db.subscription.findMany({
        where,
        orderBy: [...newest],
        skip,
        take,
        include: { tier: { select: { name: true, code: true } } },
      }),
    page,
  );
}

/** Ledger entries newest first, with the email of the person behind each (when one was). */
export async function workspaceLedger(workspaceId: string, page: number) {
  const where = { workspaceId };
  const result = await paged(
    () => db.ledgerEntry.count({ where }),
    (skip, take) =>
      db.ledgerEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { seq: "desc" }], skip, take }),
    page,
  );
  const actorIds = [...new Set(result.rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const actors = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } })
    : [];
  const emailById = new Map(actors.map((a) => [a.id, a.email]));
  return {
    ...result,
    rows: result.rows.map((r) => ({
      ...r,
      actorEmail: r.actorId ? (emailById.get(r.actorId) ?? null) : null,
    })),
  };
}

/** Usage events newest first, and totals over all of the workspace's usage. */
export async function workspaceUsage(workspaceId: string, page: number) {
  const where = { workspaceId };
  const [result, totals] = await Promise.all([
    paged(
      () => db.usageEvent.count({ where }),
      (skip, take) =>
        db.usageEvent.findMany({ where, orderBy: [...newest], omit: { responseBody: true }, skip, take }),
      page,
    ),
    db.usageEvent.aggregate({
      where,
      _sum: { chargedMillicredits: true, quotaUnits: true, providerCostMicros: true },
    }),
  ]);
  return {
    ...result,
    totals: {
      events: result.total,
      chargedMillicredits: totals._sum.chargedMillicredits ?? 0n,
      quotaUnits: totals._sum.quotaUnits ?? 0,
      providerCostMicros: totals._sum.providerCostMicros ?? 0n,
    },
  };
}

/** Active keys first, then revoked ones; newest first within each. */
export function workspaceApiKeys(workspaceId: string, page: number) {
  const where = { workspaceId };
  return paged(
    () => db.apiKey.count({ where }),
    (skip, take) =>
      db.apiKey.findMany({
        where,
        orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, ...newest],
        skip,
        take,
        select: {
          id: true,
          name: true,
          prefix: true,
          createdAt: true,
          lastUsedAt: true,
          expiresAt: true,
          revokedAt: true,
        },
      }),
    page,
  );
}

export function workspaceMembers(workspaceId: string, page: number) {
  const where = { workspaceId };
  return paged(
    () => db.membership.count({ where }),
    (skip, take) =>
      db.membership.findMany({
        where,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        skip,
        take,
        include: { user: { select: { id: true, email: true, name: true } } },
      }),
    page,
  );
}

/** Audit entries about the workspace and about its API keys, newest first. */
export async function workspaceAudit(workspaceId: string, page: number) {
  const keyIds = (await db.apiKey.findMany({ where: { workspaceId }, select: { id: true } })).map(
    (k) => k.id,
  );
  const where: Prisma.AuditLogWhereInput = {
    OR: [
      { targetType: "workspace", targetId: workspaceId },
      ...(keyIds.length ? [{ targetType: "api_key", targetId: { in: keyIds } }] : []),
    ],
  };
  return paged(
    () => db.auditLog.count({ where }),
    (skip, take) => db.auditLog.findMany({ where, orderBy: [...newest], skip, take }),
    page,
  );
}

/** Tiers a workspace can be comped onto (every unarchived tier except free), cheapest first. */
export function compTiers() {
  return db.tier.findMany({
    where: { archivedAt: null, code: { not: "free" } },
    orderBy: [{ rank: "asc" }],
    select: { code: true, name: true },
  });
}

/** Every tier, for the list filters (archived ones still have subscribers). */
export function filterTiers() {
  return db.tier.findMany({
    orderBy: [{ rank: "asc" }],
    select: { code: true, name: true, archivedAt: true },
  });
}
