import "server-only";
import { z } from "zod";
import { livePlanName, onTierWhere } from "@/lib/billing/subscriptions";
import { db, type Prisma } from "@/lib/db";
import { dayParam, dayRange, enumParam, paged, textParam, tierParam, type SearchParams } from "./filters";
import { orderByFor, parseSort, type Sort, type SortDir } from "./list-sort";

// The admin console's view of users: the filtered list and one user's detail.

export const userFilterSchema = z.object({
  q: textParam,
  verified: enumParam(["yes", "no"]),
  role: enumParam(["user", "admin"]),
  from: dayParam,
  to: dayParam,
  accountType: enumParam(["payg", "subscription"]),
  tier: tierParam,
  status: enumParam(["active", "suspended"]),
});

export type UserFilter = z.infer<typeof userFilterSchema>;

export const parseUserFilter = (params: SearchParams): UserFilter => userFilterSchema.parse(params);

const suspendedOwned: Prisma.MembershipWhereInput = {
  role: "owner",
  workspace: { suspendedAt: { not: null } },
};

/**
 * Account type and tier are those of a workspace the user owns (their personal one, or a team they
 * own); a user counts as suspended when a workspace they own is suspended.
 */
export function userWhere(filter: UserFilter): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  if (filter.q)
    and.push({
      OR: [
        { email: { contains: filter.q, mode: "insensitive" } },
        { name: { contains: filter.q, mode: "insensitive" } },
      ],
    });
  if (filter.verified) and.push({ emailVerifiedAt: filter.verified === "yes" ? { not: null } : null });
  if (filter.role) and.push({ role: filter.role });
  const created = dayRange(filter.from, filter.to);
  if (created) and.push({ createdAt: created });
  const owned: Prisma.WorkspaceWhereInput[] = [];
  if (filter.accountType) owned.push({ accountType: filter.accountType });
  if (filter.tier) owned.push(onTierWhere(filter.tier));
  if (owned.length) and.push({ memberships: { some: { role: "owner", workspace: { AND: owned } } } });
  if (filter.status === "suspended") and.push({ memberships: { some: suspendedOwned } });
  if (filter.status === "active") and.push({ memberships: { none: suspendedOwned } });
  return and.length ? { AND: and } : {};
}

/** The columns the users list sorts by (the whitelist), each as its ORDER BY. */
const USER_ORDER = {
  email: (d: SortDir) => [{ email: d }],
  name: (d: SortDir) => [{ name: { sort: d, nulls: "last" } }],
  role: (d: SortDir) => [{ role: d }],
  verified: (d: SortDir) => [{ emailVerifiedAt: { sort: d, nulls: d === "asc" ? "first" : "last" } }],
  createdAt: (d: SortDir) => [{ createdAt: d }],
} satisfies Record<string, (d: SortDir) => Prisma.UserOrderByWithRelationInput[]>;

export type UserSortKey = keyof typeof USER_ORDER;
export const USER_SORT_DEFAULT: Sort<UserSortKey> = { key: "createdAt", dir: "desc" };
export const parseUserSort = (params: SearchParams) =>
  parseSort(params, Object.keys(USER_ORDER) as UserSortKey[], USER_SORT_DEFAULT);

const userOrderBy = (sort: Sort<UserSortKey>): Prisma.UserOrderByWithRelationInput[] =>
  orderByFor<UserSortKey, Prisma.UserOrderByWithRelationInput>(sort, USER_ORDER, (d) => ({ id: d }));

/** The workspaces a listed user owns (personal first), for the plan and status columns. */
const ownedWorkspaces = {
  memberships: {
    where: { role: "owner" },
    orderBy: [{ workspace: { personal: "desc" } }, { createdAt: "asc" }],
    select: {
      workspace: {
        select: { id: true, accountType: true, suspendedAt: true, subscriptions: livePlanName },
      },
    },
  },
} satisfies Prisma.UserInclude;

/** Rows `skip`..`skip + take` of the filtered, sorted users (the list's pages and its CSV export). */
export const userRows = (filter: UserFilter, sort: Sort<UserSortKey>, skip: number, take: number) =>
  db.user.findMany({
    where: userWhere(filter),
    orderBy: userOrderBy(sort),
    skip,
    take,
    include: ownedWorkspaces,
  });

export const countUsers = (filter: UserFilter) => db.user.count({ where: userWhere(filter) });

/** One page of users (newest first unless sorted otherwise), with the workspaces they own. */
export async function listUsers(
  filter: UserFilter,
  requestedPage: number,
  sort: Sort<UserSortKey> = USER_SORT_DEFAULT,
) {
  return paged(
    () => countUsers(filter),
    (skip, take) => userRows(filter, sort, skip, take),
    requestedPage,
  );
}

/** The user with who referred them and every workspace they belong to; null when unknown. */
export function getUserDetail(id: string) {
  return db.user.findUnique({
    where: { id },
    include: {
      referredBy: { select: { id: true, email: true } },
      _count: { select: { referrals: true } },
      memberships: {
        orderBy: [{ workspace: { personal: "desc" } }, { createdAt: "asc" }],
        include: {
          workspace: {
            select: {
              id: true,
              name: true,
              personal: true,
              accountType: true,
              suspendedAt: true,
              subscriptions: livePlanName,
            },
          },
        },
      },
    },
  });
}

/** Audit entries about the user, newest first. */
export function userAudit(userId: string, requestedPage: number) {
  const where: Prisma.AuditLogWhereInput = { targetType: "user", targetId: userId };
  return paged(
    () => db.auditLog.count({ where }),
    (skip, take) =>
      db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take }),
    requestedPage,
  );
}

/** Every admin and whether they sign in with a second factor, for the console's Security page. */
export function listAdminsTwoFactor() {
  return db.user.findMany({
    where: { role: "admin" },
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, totpEnabledAt: true },
  });
}
