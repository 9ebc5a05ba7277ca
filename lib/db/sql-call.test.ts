import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { meteringFunctions, meteringSetFunctions, releaseReservationFn } from "@/lib/metering/sql";
import {
  parseSqlRow,
  prepared,
  sqlCall,
  sqlCallBatch,
  sqlCallSet,
  sqlFunction,
  sqlSetFunction,
} from "./sql-call";

const PG_TYPE: Record<string, string> = {
  text: "text",
  bigint: "bigint",
  int: "integer",
  date: "date",
  boolean: "boolean",
  jsonb: "jsonb",
  timestamp: "timestamp without time zone",
};
const described = (specs: Record<string, string>) =>
  Object.entries(specs)
    .map(([name, spec]) => {
      const base = spec.replace("?", "");
      return base.endsWith("[]") ? `${name} ${PG_TYPE[base.slice(0, -2)]}[]` : `${name} ${PG_TYPE[base]}`;
    })
    .sort();

async function signature(name: string) {
  const { rows } = await pool().query<{ args: string; result: string }>(
    `select pg_get_function_identity_arguments(p.oid) as args, pg_get_function_result(p.oid) as result
       from pg_proc p where p.proname = $1`,
    [name],
  );
  expect(rows).toHaveLength(1); // one overload: named arguments always resolve to it
  return {
    args: rows[0].args.split(", ").sort(),
    result: rows[0].result
      .replace(/^TABLE\((.*)\)$/, "$1")
      .split(", ")
      .sort(),
  };
}

describe("SQL function declarations", () => {
  it.each(meteringFunctions.map((fn) => [fn.name, fn] as const))(
    "%s: the declaration names the database function's parameters and result columns, with their types",
    async (name, fn) => {
      expect(await signature(name)).toEqual({ args: described(fn.params), result: described(fn.result) });
    },
  );

  it.each(meteringSetFunctions.map((set) => [set.name, set] as const))(
    "%s: takes its function's shared parameters as they are and the others as arrays, and answers its rows with ord",
    async (name, set) => {
      const params = Object.fromEntries(
        Object.entries(set.of.params).map(([k, spec]) => [
          k,
          (set.shared as readonly string[]).includes(k) ? spec : `${spec.replace("?", "")}[]`,
        ]),
      );
      expect(await signature(name)).toEqual({
        args: described(params),
        result: described({ ord: "bigint", ...set.of.result }),
      });
    },
  );
});

describe("sqlCall", () => {
  it("calls by name, casting each argument, and sends dates, bigints and JSON as PostgreSQL reads them", () => {
    const fn = sqlFunction(
      "f",
      { p_day: "date", p_n: "bigint", p_at: "timestamp", p_meta: "jsonb?", p_note: "text?" },
      { outcome: "text" },
      ["ok"],
    );
    const at = new Date("2026-03-04T05:06:07.008Z");
    expect(sqlCall(fn, { p_n: 2n ** 60n, p_meta: { a: [1] }, p_day: at, p_at: at, p_note: null })).toEqual({
      text: "select * from f(p_day => $1::date, p_n => $2::bigint, p_at => $3::timestamp, p_meta => $4::jsonb, p_note => $5::text)",
      values: ["2026-03-04", "1152921504606846976", "2026-03-04T05:06:07.008Z", '{"a":[1]}', null],
    });
  });

  it("runs a batch in order, the shared arguments once and the rest as one array per parameter", async () => {
    const statement = sqlCallBatch(releaseReservationFn, { p_status: "released", p_workspace_id: null }, [
      { p_id: "res_missing_1" },
      { p_id: "res_missing_2" },
    ]);
    expect(statement.values).toEqual([["res_missing_1", "res_missing_2"], "released", null]);
    const { rows } = await pool().query(statement);
    expect(rows.map((r) => [r.ord, parseSqlRow(releaseReservationFn, r)])).toEqual([
      ["1", { outcome: "not_found", released: null, balance: null }],
      ["2", { outcome: "not_found", released: null, balance: null }],
    ]);
  });

  it("calls a set function once: the shared arguments as they are, the others as one array each", () => {
    const fn = sqlFunction("f", { p_id: "text", p_n: "bigint", p_ws: "text" }, { outcome: "text" }, ["ok"]);
    const set = sqlSetFunction("f_batch", fn, ["p_ws"]);
    const statement = sqlCallSet(set, { p_ws: "ws_1" }, [
      { p_id: "a", p_n: 1n },
      { p_id: "b", p_n: 2n ** 60n },
    ]);
    expect(statement).toEqual({
      text: "select r.* from f_batch(p_id => $1::text[], p_n => $2::bigint[], p_ws => $3::text) r order by r.ord",
      values: [["a", "b"], ["1", "1152921504606846976"], "ws_1"],
    });
    expect(sqlCallSet(set, { p_ws: "ws_1" }, [], { after: 2, when: "$1 = $2" }).text).toBe(
      "select r.* from f_batch(p_id => $3::text[], p_n => $4::bigint[], p_ws => $5::text) r where $1 = $2 order by r.ord",
    );
  });

  it("prepares a hot statement once per text: the same text keeps its name, another text gets another", async () => {
    const text = "select $1::int + 1 as n";
    const first = prepared({ text, values: [1] });
    expect(first.name).toMatch(/^tg_[0-9a-f]{24}$/);
    expect(prepared({ text, values: [2] }).name).toBe(first.name);
    expect(prepared({ text: "select $1::int + 2 as n", values: [1] }).name).not.toBe(first.name);
    // Run more often than the pool has connections: each connection prepares it once, then reuses it.
    const sums = await Promise.all(
      Array.from({ length: 30 }, (_, i) => pool().query(prepared({ text, values: [i] }))),
    );
    expect(sums.map((r) => r.rows[0].n)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("parses bigint columns and refuses an outcome the declaration does not list", () => {
    expect(
      parseSqlRow(releaseReservationFn, { outcome: "ok", released: "9007199254740993", balance: "0" }),
    ).toEqual({ outcome: "ok", released: 9007199254740993n, balance: 0n });
    expect(() =>
      parseSqlRow(releaseReservationFn, { outcome: "surprise", released: null, balance: null }),
    ).toThrow("tollgate_release_reservation answered an undeclared outcome: surprise");
  });
});
