import "server-only";
import { z } from "zod";
import { orderByFor, parseSort, type Sort, type SortDir } from "@/lib/admin/list-sort";
import { db, type Prisma } from "@/lib/db";

// The audit log's filters, shared by the admin page and the export: they arrive as URL query
// values, so anything malformed is dropped rather than refused.
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined);

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`); // 2025-02-30 parses as an invalid date or rolls over: both refused
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
  })
  .optional()
  .catch(undefined);

export const auditFilterSchema = z.object({
  actor: text(254),
  action: text(100),
  targetType: text(100),
  targetId: text(100),
  from: day,
  to: day,
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

type Params = Record<string, string | string[] | undefined>;

export function parseAuditFilter(params: Params): AuditFilter {
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  return auditFilterSchema.parse({
    actor: one("actor"),
    action: one("action"),
    targetType: one("targetType"),
    targetId: one("targetId"),
    from: one("from"),
    to: one("to"),
  });
}

export const isFiltered = (f: AuditFilter) => Object.values(f).some(Boolean);

/** The filter as query values, for page links and the export URL. */
export function auditFilterParams(f: AuditFilter): Record<string, string | undefined> {
  return {
    actor: f.actor,
    action: f.action,
    targetType: f.targetType,
    targetId: f.targetId,
    from: f.from,
    to: f.to,
  };
}

const startOfDay = (d: string) => new Date(`${d}T00:00:00Z`);

/** Dates are whole UTC days, both ends included. */
export function auditWhere(f: AuditFilter): Prisma.AuditLogWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (f.from) createdAt.gte = startOfDay(f.from);
  if (f.to) createdAt.lt = new Date(startOfDay(f.to).getTime() + 864e5);
  return {
    ...(f.actor ? { actorEmail: { contains: f.actor, mode: "insensitive" } } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.targetType ? { targetType: f.targetType } : {}),
    ...(f.targetId ? { targetId: f.targetId } : {}),
    ...(f.from || f.to ? { createdAt } : {}),
  };
}

/** One page of the audit log, newest first; the page is clamped to the last one that exists. */
/** The columns the audit list sorts by (the whitelist), each as its ORDER BY; seq breaks ties. */
const AUDIT_ORDER = {
  time: (d: SortDir) => [{ seq: d }],
  actor: (d: SortDir) => [{ actorEmail: { sort: d, nulls: "last" } }],
  action: (d: SortDir) => [{ action: d }],
  targetType: (d: SortDir) => [{ targetType: d }],
} satisfies Record<string, (d: SortDir) => Prisma.AuditLogOrderByWithRelationInput[]>;

export type AuditSortKey = keyof typeof AUDIT_ORDER;
export const AUDIT_SORT_DEFAULT: Sort<AuditSortKey> = { key: "time", dir: "desc" };
export const parseAuditSort = (params: Record<string, string | string[] | undefined>) =>
  parseSort(params, Object.keys(AUDIT_ORDER) as AuditSortKey[], AUDIT_SORT_DEFAULT);

export async function listAuditLog(
  filter: AuditFilter,
  requestedPage: number,
  pageSize: number,
  sort: Sort<AuditSortKey> = AUDIT_SORT_DEFAULT,
) {
  const where = auditWhere(filter);
  const total = await db.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(requestedPage, pageCount);
  const entries = await db.auditLog.findMany({
    where,
    orderBy: orderByFor<AuditSortKey, Prisma.AuditLogOrderByWithRelationInput>(sort, AUDIT_ORDER, (d) => ({
      seq: d,
    })),
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return { entries, total, page, pageCount };
}

/** The actions and target types that occur in the log, for the filter selects. */
export async function auditFilterOptions() {
  const [actions, targetTypes] = await Promise.all([
    db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.auditLog.groupBy({ by: ["targetType"], orderBy: { targetType: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), targetTypes: targetTypes.map((t) => t.targetType) };
}
