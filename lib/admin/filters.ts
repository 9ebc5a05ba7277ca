import { z } from "zod";
import type { Prisma } from "@/lib/db";

// List filters as they arrive in the URL (plain GET forms). Anything unrecognised is ignored
// rather than an error: a stale bookmark still shows a list.

export type SearchParams = Record<string, string | string[] | undefined>;

export const ADMIN_PAGE_SIZE = 25;

/** A query parameter as one trimmed string (a repeated parameter takes the first); blank is undefined. */
const one = (value: unknown) => {
  const s = Array.isArray(value) ? value[0] : value;
  return typeof s === "string" && s.trim() !== "" ? s.trim() : undefined;
};

/** Free text for a search box; missing is "". */
export const textParam = z.preprocess((v) => (one(v) ?? "").slice(0, 200), z.string());

export const enumParam = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(one, z.enum(values).optional()).catch(undefined);

/** A calendar day, YYYY-MM-DD, read as UTC. */
export const dayParam = z.preprocess(one, z.iso.date().optional()).catch(undefined);

export const tierParam = z
  .preprocess(
    (v) => one(v)?.toLowerCase(),
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/)
      .optional(),
  )
  .catch(undefined);

const DAY_MS = 86_400_000;

/** From and to days, both inclusive in UTC, as a createdAt filter; undefined when neither is set. */
export function dayRange(from?: string, to?: string): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from ? { gte: new Date(`${from}T00:00:00.000Z`) } : {}),
    ...(to ? { lt: new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS) } : {}),
  };
}

/** The filter values to keep on pagination links (blank ones dropped). */
export function filterParams(filter: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => Boolean(v))) as Record<string, string>;
}

export const isFiltered = (filter: Record<string, string | undefined>) => Object.values(filter).some(Boolean);

/** One page of rows; the requested page is clamped to the last one that exists. */
export async function paged<T>(
  count: () => Promise<number>,
  rows: (skip: number, take: number) => Promise<T[]>,
  requestedPage: number,
  pageSize = ADMIN_PAGE_SIZE,
) {
  const total = await count();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  return { rows: await rows((page - 1) * pageSize, pageSize), total, page, pageCount };
}
