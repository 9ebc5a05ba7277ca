import "server-only";
import { db, PaymentStatus, type Prisma } from "@/lib/db";
import type { SearchParams } from "./filters";
import { orderByFor, parseSort, type Sort, type SortDir } from "./list-sort";

// The admin payments list's filter and sort (the page, and its CSV export).

export type PaymentFilter = { q?: string; status?: PaymentStatus };

const STATUSES = Object.values(PaymentStatus);
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parsePaymentFilter(params: SearchParams): PaymentFilter {
  const q = (one(params.q) ?? "").trim().slice(0, 200);
  const status = one(params.status);
  return {
    q: q || undefined,
    status: STATUSES.includes(status as PaymentStatus) ? (status as PaymentStatus) : undefined,
  };
}

/** Part of a description, or a whole workspace, charge or invoice id; and a status. */
export function paymentWhere(filter: PaymentFilter): Prisma.PaymentWhereInput {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.q
      ? {
          OR: [
            { description: { contains: filter.q, mode: "insensitive" as const } },
            { workspaceId: filter.q },
            { providerChargeId: filter.q },
            { providerInvoiceId: filter.q },
          ],
        }
      : {}),
  };
}

/** The columns the payments list sorts by (the whitelist), each as its ORDER BY. */
const PAYMENT_ORDER = {
  createdAt: (d: SortDir) => [{ createdAt: d }],
  description: (d: SortDir) => [{ description: d }],
  amount: (d: SortDir) => [{ amountCents: d }],
  refunded: (d: SortDir) => [{ refundedCents: d }],
  status: (d: SortDir) => [{ status: d }],
} satisfies Record<string, (d: SortDir) => Prisma.PaymentOrderByWithRelationInput[]>;

export type PaymentSortKey = keyof typeof PAYMENT_ORDER;
export const PAYMENT_SORT_DEFAULT: Sort<PaymentSortKey> = { key: "createdAt", dir: "desc" };
export const parsePaymentSort = (params: SearchParams) =>
  parseSort(params, Object.keys(PAYMENT_ORDER) as PaymentSortKey[], PAYMENT_SORT_DEFAULT);

export const paymentOrderBy = (sort: Sort<PaymentSortKey>) =>
  orderByFor<PaymentSortKey, Prisma.PaymentOrderByWithRelationInput>(sort, PAYMENT_ORDER, (d) => ({ id: d }));

export const countPayments = (filter: PaymentFilter) => db.payment.count({ where: paymentWhere(filter) });

/** Rows `skip`..`skip + take` of the filtered, sorted payments with their workspace's name (CSV export). */
export async function paymentRows(
  filter: PaymentFilter,
  sort: Sort<PaymentSortKey>,
  skip: number,
  take: number,
) {
  const payments = await db.payment.findMany({
    where: paymentWhere(filter),
    orderBy: paymentOrderBy(sort),
    skip,
    take,
  });
  const workspaces = await db.workspace.findMany({
    where: { id: { in: [...new Set(payments.map((p) => p.workspaceId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(workspaces.map((w) => [w.id, w.name]));
  return payments.map((p) => ({ ...p, workspaceName: names.get(p.workspaceId) ?? null }));
}
