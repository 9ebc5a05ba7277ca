import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffSchemaAgainstMigrations } from "@/lib/db/schema-engine";
import { describeSqlDrift, sqlDir, sqlFunctionDrift } from "@/lib/db/sql-functions";
import { databaseUrl } from "@/lib/env";

describe("prisma/migrations", () => {
  it("describe exactly what schema.prisma says (run `npm run db:migration -- <name>` when this fails)", async () => {
    const sql = await diffSchemaAgainstMigrations(databaseUrl());
    expect(sql.trim()).toBe("-- This is an empty migration.");
  });

  it("define exactly the functions in prisma/sql (run `npm run db:migration -- <name>` when this fails)", async () => {
    const drift = await sqlFunctionDrift(databaseUrl());
    expect(describeSqlDrift(drift)).toBeNull();
    expect(drift).toEqual({ changed: [], added: [], dropped: [], migration: "" });
  }, 60_000);
});

describe("the prisma/sql drift check", () => {
  const copy = mkdtempSync(path.join(os.tmpdir(), "tollgate-sql-"));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("reports a changed body, a new function and a deleted file, and writes the migration for them", async () => {
    cpSync(sqlDir, copy, { recursive: true });
    const hold = path.join(copy, "tollgate_hold.sql");
    // One changed character in a body is drift, like any other change.
    writeFileSync(
      hold,
      readFileSync(hold, "utf8").replace("RETURN QUERY SELECT 'ok'::text", "RETURN QUERY SELECT  'ok'::text"),
    );
    unlinkSync(path.join(copy, "tollgate_uncount_spend.sql"));
    writeFileSync(
      path.join(copy, "tollgate_answer.sql"),
      "create or replace function tollgate_answer() RETURNS int LANGUAGE sql AS $$ SELECT 42 $$;\n",
    );

    const drift = await sqlFunctionDrift(databaseUrl(), { dir: copy });
    expect(drift.changed).toEqual(["tollgate_answer", "tollgate_hold"]);
    expect(drift.added).toEqual(["tollgate_answer"]);
    expect(drift.dropped).toEqual(["tollgate_uncount_spend(text,text,text,date,bigint,bigint)"]);
    expect(drift.migration).toContain(
      "DROP FUNCTION IF EXISTS tollgate_uncount_spend(text,text,text,date,bigint,bigint);",
    );
    expect(drift.migration).toContain(readFileSync(hold, "utf8").trimEnd());
    expect(drift.migration).not.toContain("create or replace function tollgate_charge_usage");
    expect(describeSqlDrift(drift)).toBe(
      [
        "prisma/sql and prisma/migrations disagree. Run `npm run db:migration -- <name>` to write a migration.",
        "  prisma/sql/tollgate_answer.sql: not defined by the migrations",
        "  prisma/sql/tollgate_hold.sql: differs from what the migrations define",
        "  tollgate_uncount_spend(text,text,text,date,bigint,bigint): defined by the migrations, but by no file in prisma/sql",
      ].join("\n"),
    );
  }, 60_000);

  it("drops and recreates a function whose parameters change, which create or replace cannot do", async () => {
    rmSync(copy, { recursive: true, force: true });
    cpSync(sqlDir, copy, { recursive: true });
    const ledger = path.join(copy, "tollgate_ledger_entry.sql");
    writeFileSync(ledger, readFileSync(ledger, "utf8").replaceAll("p_balance_after", "p_balance"));
    const drift = await sqlFunctionDrift(databaseUrl(), { dir: copy });
    expect(drift.changed).toEqual(["tollgate_ledger_entry"]);
    expect(drift.dropped).toEqual([]);
    expect(drift.migration).toContain(
      'DROP FUNCTION IF EXISTS tollgate_ledger_entry(text,text,"LedgerKind",bigint,bigint,text,text,text);',
    );
  }, 60_000);

  it("refuses a file that defines anything but the function it is named after", async () => {
    rmSync(copy, { recursive: true, force: true });
    cpSync(sqlDir, copy, { recursive: true });
    writeFileSync(
      path.join(copy, "tollgate_debit.sql"),
      readFileSync(path.join(sqlDir, "tollgate_debit.sql"), "utf8") +
        "\ncreate or replace function tollgate_other() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n",
    );
    await expect(sqlFunctionDrift(databaseUrl(), { dir: copy })).rejects.toThrow(
      "a prisma/sql file holds `create or replace function tollgate_debit(...)`",
    );
  });
});
