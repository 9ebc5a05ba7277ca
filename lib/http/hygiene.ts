// What a string from outside must be before it reaches the database: no NUL (PostgreSQL refuses
// it in text and jsonb) and no lone UTF-16 surrogates (not encodable as UTF-8). SPEC §8.1.

/** True when the string holds no NUL and no lone surrogate. */
export const isCleanString = (s: string) => !s.includes("\u0000") && s.isWellFormed();

export const MAX_JSON_DEPTH = 64;

export type Dirty = { path: (string | number)[]; problem: "string" | "depth" };

/**
 * The first unclean string (value or key) or over-deep nesting in a parsed JSON value, or null.
 * Iterative, so a hostile body cannot exhaust the stack.
 */
export function findDirty(value: unknown, maxDepth = MAX_JSON_DEPTH): Dirty | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === "string") {
      if (!isCleanString(v)) return { path, problem: "string" };
    } else if (v !== null && typeof v === "object") {
      if (path.length >= maxDepth) return { path, problem: "depth" };
      if (Array.isArray(v)) v.forEach((item, i) => stack.push({ v: item, path: [...path, i] }));
      else
        for (const [k, item] of Object.entries(v)) {
          if (!isCleanString(k)) return { path: [...path, k], problem: "string" };
          stack.push({ v: item, path: [...path, k] });
        }
    }
  }
  return null;
}

// SPEC §8.1: 1–255 printable ASCII characters (0x20–0x7E), not blank.
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;

export const isValidIdempotencyKey = (key: string) => IDEMPOTENCY_KEY.test(key) && key.trim() !== "";

// Ids in paths: what Tollgate issues (cuids, res_…, feature keys like team_seats) is short and
// made of letters, digits and _ . : ~ -. Anything else (NUL, %, spaces, 10 KB) is malformed: 400.
const PATH_ID = /^[\w.:~-]{1,128}$/;

export const isValidPathId = (id: string) => PATH_ID.test(id);
