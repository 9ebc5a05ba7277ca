// Typed calls of the SQL functions in prisma/sql. A function is declared once in TypeScript — its
// parameters and result columns with their SQL types, and the outcomes it answers — and every call
// is built from an object, in PostgreSQL's named notation (`f(p_a => $1::text, ...)`): arguments
// are matched by name, so their order cannot drift from the SQL's, and a misspelt or missing one
// is a type error here and an error in PostgreSQL, never a value in the wrong place.
// lib/db/sql-call.test.ts checks each declaration against the function in the database.

import { createHash } from "node:crypto";

type SqlType = "text" | "bigint" | "int" | "date" | "boolean" | "jsonb" | "timestamp";
/** A column or parameter's SQL type; a trailing "?" means it may be NULL. */
export type SqlSpec = SqlType | `${SqlType}?`;

type Base<S extends SqlSpec> = S extends `${infer T extends SqlType}?` ? T : S;
type TsValue<T extends SqlType> = T extends "text"
  ? string
  : T extends "bigint"
    ? bigint
    : T extends "int"
      ? number
      : T extends "date"
        ? Date // sent as its UTC day
        : T extends "boolean"
          ? boolean
          : T extends "timestamp"
            ? Date // sent as UTC (the columns have no zone)
            : unknown; // jsonb: any JSON value
type TsOf<S extends SqlSpec> = S extends `${SqlType}?` ? TsValue<Base<S>> | null : TsValue<Base<S>>;

type Specs = Record<string, SqlSpec>;
/** Any declared function. */
export type AnySqlFunction = SqlFunction<Specs, Specs, string>;

export type SqlFunction<P extends Specs, R extends Specs, O extends string> = {
  name: string;
  params: P;
  result: R;
  outcomes: readonly O[];
};

/** The arguments of a call: every parameter, by name. */
export type SqlArgs<F> =
  F extends SqlFunction<infer P, Specs, string> ? { [K in keyof P]: TsOf<P[K]> } : never;

/** One result row, parsed: bigint columns as bigint, `outcome` as one of the declared outcomes. */
export type SqlRow<F> =
  F extends SqlFunction<Specs, infer R, infer O>
    ? { [K in Exclude<keyof R, "outcome">]: TsOf<R[K]> } & { outcome: O }
    : never;

export function sqlFunction<
  const P extends Specs,
  const R extends Specs & { outcome: "text" },
  const O extends string,
>(name: string, params: P, result: R, outcomes: readonly O[]): SqlFunction<P, R, O> {
  assertName(name, "function");
  for (const key of [...Object.keys(params), ...Object.keys(result)]) assertName(key, "parameter");
  return { name, params, result, outcomes };
}

// Names are spliced into statement texts: SQL identifiers only.
function assertName(name: string, what: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a ${what} name: ${name}`);
}

const baseType = (spec: SqlSpec) => spec.replace("?", "") as SqlType;

function toSql(spec: SqlSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (baseType(spec)) {
    case "bigint":
      return String(value);
    case "date":
      return (value as Date).toISOString().slice(0, 10);
    case "timestamp":
      return (value as Date).toISOString();
    case "jsonb":
      return JSON.stringify(value);
    default:
      return value;
  }
}

type Statement = { text: string; values: unknown[] };

// Statement names by text (see `prepared`). Hot-path texts are a handful of fixed shapes; past
// MAX_PREPARED distinct texts a statement goes unnamed, so nothing can grow without bound.
const preparedNames = new Map<string, string>();
const MAX_PREPARED = 200;

/**
 * The statement as a named prepared statement (node-postgres `{ name, text, values }`): each pooled
 * connection parses and plans the text once, then only binds and executes it. For the hot path's
 * few fixed texts only — the name is derived from the text, so one text is one statement on every
 * connection, and a text that changes is a new statement, never a stale plan.
 */
export function prepared<S extends Statement>(statement: S): S & { name?: string } {
  let name = preparedNames.get(statement.text);
  if (!name && preparedNames.size < MAX_PREPARED) {
    name = `tg_${createHash("sha1").update(statement.text).digest("hex").slice(0, 24)}`;
    preparedNames.set(statement.text, name);
  }
  return name ? { ...statement, name } : statement;
}

// Statement texts depend only on the declaration (and a batch's shared keys): built once each.
const callText = new WeakMap<AnySqlFunction, string>();
const batchText = new Map<string, string>();

/** `select * from f(p_a => $1::type, ...)` for one call. */
export function sqlCall<F extends AnySqlFunction>(fn: F, args: SqlArgs<F>): Statement {
  const keys = Object.keys(fn.params);
  let text = callText.get(fn);
  if (!text) {
    const named = keys.map((k, i) => `${k} => $${i + 1}::${baseType(fn.params[k])}`).join(", ");
    text = `select * from ${fn.name}(${named})`;
    callText.set(fn, text);
  }
  const values = keys.map((k) => toSql(fn.params[k], (args as Record<string, unknown>)[k]));
  return { text, values };
}

/**
 * Many calls in one statement, in order: `shared` arguments are the same for every call, `rows`
 * hold the rest, one object per call. Rows come back with `ord`, the call's position from 1.
 * `guard` embeds the batch in a larger statement: its parameters are numbered after the first
 * `guard.after` ones (the outer statement's), and it runs only when `guard.when` holds (an SQL
 * condition on those parameters or on an outer row, evaluated once before any call).
 */
export function sqlCallBatch<F extends AnySqlFunction, S extends keyof SqlArgs<F>>(
  fn: F,
  shared: Pick<SqlArgs<F>, S>,
  rows: Omit<SqlArgs<F>, S>[],
  guard: { after: number; when: string } = { after: 0, when: "" },
): Statement {
  const sharedKeys = Object.keys(shared);
  const rowKeys = Object.keys(fn.params).filter((k) => !sharedKeys.includes(k));
  const cacheKey = `${fn.name}(${sharedKeys.join(",")})${guard.after}:${guard.when}`;
  let text = batchText.get(cacheKey);
  if (!text) {
    const n = (i: number) => `$${guard.after + i + 1}`;
    const arrays = rowKeys.map((k, i) => `${n(i)}::${baseType(fn.params[k])}[]`).join(", ");
    const named = Object.keys(fn.params)
      .map((k) =>
        sharedKeys.includes(k)
          ? `${k} => ${n(rowKeys.length + sharedKeys.indexOf(k))}::${baseType(fn.params[k])}`
          : `${k} => i.${k}`,
      )
      .join(", ");
    text = `select i.ord, r.* from unnest(${arrays}) with ordinality as i(${rowKeys.join(", ")}, ord)
      cross join lateral ${fn.name}(${named}) r${guard.when ? ` where ${guard.when}` : ""} order by i.ord`;
    batchText.set(cacheKey, text);
  }
  return { text, values: batchValues(fn, rowKeys, sharedKeys, shared, rows) };
}

/** A batch's parameters: one array per per-call parameter (in `rowKeys` order), then the shared ones. */
function batchValues(
  fn: AnySqlFunction,
  rowKeys: string[],
  sharedKeys: readonly string[],
  shared: object,
  rows: object[],
) {
  return [
    ...rowKeys.map((k) => rows.map((row) => toSql(fn.params[k], (row as Record<string, unknown>)[k]))),
    ...sharedKeys.map((k) => toSql(fn.params[k], (shared as Record<string, unknown>)[k])),
  ];
}

/**
 * A set-based version of `fn` in prisma/sql: the `shared` parameters as `fn` takes them, the others
 * as arrays (element i for call i), answering `fn`'s rows for every call, each with `ord`, in order.
 */
export type SqlSetFunction<F extends AnySqlFunction, S extends string> = {
  name: string;
  of: F;
  shared: readonly S[];
  /** The parameters taken as arrays: every one of `of`'s but the shared ones. */
  perCall: string[];
};

export function sqlSetFunction<F extends AnySqlFunction, const S extends keyof F["params"] & string>(
  name: string,
  of: F,
  shared: readonly S[],
): SqlSetFunction<F, S> {
  assertName(name, "function");
  const perCall = Object.keys(of.params).filter((k) => !shared.includes(k as S));
  return { name, of, shared, perCall };
}

/** sqlCallBatch's statement (the same rows, `guard` the same), answered by one call of a set function. */
export function sqlCallSet<F extends AnySqlFunction, S extends keyof SqlArgs<F> & string>(
  set: SqlSetFunction<F, S>,
  shared: Pick<SqlArgs<F>, S>,
  rows: Omit<SqlArgs<F>, S>[],
  guard: { after: number; when: string } = { after: 0, when: "" },
): Statement {
  const { of: fn, perCall } = set;
  const cacheKey = `${set.name}${guard.after}:${guard.when}`;
  let text = batchText.get(cacheKey);
  if (!text) {
    const n = (i: number) => `$${guard.after + i + 1}`;
    const named = [
      ...perCall.map((k, i) => `${k} => ${n(i)}::${baseType(fn.params[k])}[]`),
      ...set.shared.map((k, i) => `${k} => ${n(perCall.length + i)}::${baseType(fn.params[k])}`),
    ].join(", ");
    text = `select r.* from ${set.name}(${named}) r${guard.when ? ` where ${guard.when}` : ""} order by r.ord`;
    batchText.set(cacheKey, text);
  }
  return { text, values: batchValues(fn, perCall, set.shared, shared, rows) };
}

/** A result row as node-postgres returns it (bigint as text), parsed by the declaration. */
export function parseSqlRow<F extends AnySqlFunction>(fn: F, raw: Record<string, unknown>): SqlRow<F> {
  const row: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(fn.result)) {
    const v = raw[k];
    row[k] = v === null || v === undefined ? null : baseType(spec) === "bigint" ? BigInt(v as string) : v;
  }
  if (!fn.outcomes.includes(row.outcome as string))
    throw new Error(`${fn.name} answered an undeclared outcome: ${String(row.outcome)}`);
  return row as SqlRow<F>;
}
