import type { SearchParams } from "./filters";

// Sortable admin lists: `?sort=<key>&dir=asc|desc` in the URL. Only keys a list whitelists map to
// an ORDER BY (each list's `orderBy` table); anything else — an unknown key, a bad direction, a
// repeated parameter — falls back to the list's default, never an error and never raw SQL.

export type SortDir = "asc" | "desc";
export type Sort<K extends string = string> = { key: K; dir: SortDir };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The sort the URL asks for, if `allowed` has its key; else `fallback`. */
export function parseSort<K extends string>(
  params: SearchParams,
  allowed: readonly K[],
  fallback: Sort<NoInfer<K>>,
): Sort<K> {
  const key = one(params.sort);
  const dir = one(params.dir);
  if (!key || !(allowed as readonly string[]).includes(key)) return fallback;
  return { key: key as K, dir: dir === "asc" || dir === "desc" ? dir : fallback.dir };
}

/** The URL parameters of a sort; none for the default, so plain links stay plain. */
export function sortParams(sort: Sort, fallback: Sort): Record<string, string> {
  return sort.key === fallback.key && sort.dir === fallback.dir ? {} : { sort: sort.key, dir: sort.dir };
}

/**
 * A list's sort as a Prisma orderBy: the whitelisted key's columns in the chosen direction, then
 * `tiebreak` (a unique column) so pages never overlap.
 */
export function orderByFor<K extends string, O>(
  sort: Sort<K>,
  table: Record<K, (dir: SortDir) => O[]>,
  tiebreak: (dir: SortDir) => O,
): O[] {
  return [...table[sort.key](sort.dir), tiebreak(sort.dir)];
}
