import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "./schema-engine";

// prisma/sql holds the current definition of every SQL function, one file per function (named
// after it), written as `create or replace function`. prisma/migrations stay the history the
// databases are moved by; this module compares the two and writes the SQL that brings the
// migrations up to prisma/sql (npm run db:migration), or reports the drift (npm run db:check,
// prisma/migrations.test.ts).
//
// How: a throw-away database on the same server gets every migration; its functions are read
// with pg_get_functiondef; then they are all dropped, the prisma/sql files run, and the functions
// read again. Any difference is drift: a file whose definition the migrations do not produce
// (new, or changed by as much as a space), or a function the migrations leave that no file
// defines (a deleted file or a replaced overload; the next migration drops it).

export const sqlDir = path.join(process.cwd(), "prisma", "sql");

export type SqlFile = { name: string; path: string; sql: string };

const CREATE_FUNCTION = /\bcreate\s+or\s+replace\s+function\s+("?)([A-Za-z_][A-Za-z0-9_]*)\1\s*\(/gi;
const ANY_CREATE = /\bcreate\s+(or\s+replace\s+)?(function|procedure|trigger)\b/gi;

/** The prisma/sql files, in name order; each defines only the function it is named after. */
export function readSqlFiles(dir = sqlDir): SqlFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const sql = readFileSync(file, "utf8");
      const name = f.slice(0, -".sql".length);
      const names = [...sql.matchAll(CREATE_FUNCTION)].map((m) => m[2]);
      const creates = [...sql.matchAll(ANY_CREATE)].length;
      if (!names.length || names.some((n) => n !== name) || creates !== names.length)
        throw new Error(
          `${path.relative(process.cwd(), file)}: a prisma/sql file holds \`create or replace function ${name}(...)\` (its overloads too) and nothing else.`,
        );
      return { name, path: file, sql };
    });
}

type FunctionRow = { signature: string; name: string; arguments: string; result: string; definition: string };
type Functions = Map<string, FunctionRow>;

// Functions of the database's schema, by signature (`name(argtypes)`), leaving out extensions'.
async function readFunctions(client: pg.Client): Promise<Functions> {
  const { rows } = await client.query<FunctionRow>(`
    select p.oid::regprocedure::text as signature, p.proname as name,
           pg_get_function_arguments(p.oid) as arguments, pg_get_function_result(p.oid) as result,
           pg_get_functiondef(p.oid) as definition
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = current_schema() and p.prokind in ('f', 'p')
       and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
     order by 1`);
  return new Map(rows.map((r) => [r.signature, r]));
}

export type SqlDrift = {
  /** prisma/sql files (by function name) whose definitions the migrations do not produce. */
  changed: string[];
  /** Of those, the ones the migrations do not define at all (new functions). */
  added: string[];
  /** Functions (by signature) the migrations leave that no prisma/sql file defines. */
  dropped: string[];
  /** The SQL that moves a database from the migrations to prisma/sql; "" when they agree. */
  migration: string;
};

function withDatabase(connectionString: string, database: string) {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` against a new, empty database on the server of `connectionString`, then drops it. */
async function withThrowawayDatabase<T>(connectionString: string, work: (url: string) => Promise<T>) {
  const name = `tollgate_sql_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
    try {
      return await work(withDatabase(connectionString, name));
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`);
    }
  } finally {
    await admin.end();
  }
}

/**
 * Compares prisma/sql (or `dir`) with what prisma/migrations produce, in a throw-away database
 * next to `connectionString`'s; the migrations' own database is never touched. `pendingSchema`:
 * the schema.prisma changes the same new migration will hold (its functions may use new types).
 */
export async function sqlFunctionDrift(
  connectionString: string,
  { dir = sqlDir, pendingSchema = "" }: { dir?: string; pendingSchema?: string } = {},
): Promise<SqlDrift> {
  const files = readSqlFiles(dir);
  return withThrowawayDatabase(connectionString, async (url) => {
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      if (pendingSchema) await client.query(pendingSchema);
      const migrated = await readFunctions(client);
      // Only the files' functions remain: what a database built from prisma/sql alone would have.
      for (const signature of migrated.keys()) await client.query(`drop function ${signature} cascade`);
      for (const file of files) {
        try {
          await client.query(file.sql);
        } catch (e) {
          throw new Error(
            `${path.relative(process.cwd(), file.path)}: ${e instanceof Error ? e.message : e}`,
          );
        }
      }
      const wanted = await readFunctions(client);
      const byName = new Map(files.map((f) => [f.name, f]));
      const changed = new Set<string>();
      const known = new Set([...migrated.values()].map((f) => f.name));
      const drops: string[] = [];
      for (const [signature, fn] of wanted) {
        const before = migrated.get(signature);
        if (before?.definition === fn.definition) continue;
        changed.add(fn.name);
        // `create or replace` cannot change a result type, parameter names or defaults.
        if (before && (before.result !== fn.result || before.arguments !== fn.arguments))
          drops.push(signature);
      }
      const dropped = [...migrated.keys()].filter((s) => !wanted.has(s));
      const sorted = [...changed].sort();
      const migration = [
        ...[...dropped, ...drops].map((s) => `DROP FUNCTION IF EXISTS ${s};\n`),
        ...sorted.map((n) => byName.get(n)!.sql.trimEnd() + "\n"),
      ].join("\n");
      return {
        changed: sorted,
        added: sorted.filter((n) => !known.has(n)),
        dropped,
        migration: migration
          ? `-- Functions from prisma/sql (written by npm run db:migration; edit those files, not this one).\n\n${migration}`
          : "",
      };
    } finally {
      await client.end();
    }
  });
}

/** db:check's message for a drift, or null when prisma/sql and prisma/migrations agree. */
export function describeSqlDrift(drift: SqlDrift): string | null {
  if (!drift.migration) return null;
  const lines = [
    "prisma/sql and prisma/migrations disagree. Run `npm run db:migration -- <name>` to write a migration.",
    ...drift.changed.map(
      (n) =>
        `  prisma/sql/${n}.sql: ${drift.added.includes(n) ? "not defined by the migrations" : "differs from what the migrations define"}`,
    ),
    ...drift.dropped.map((s) => `  ${s}: defined by the migrations, but by no file in prisma/sql`),
  ];
  return lines.join("\n");
}
