import "server-only";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";

// Prisma's native schema engine cannot be downloaded on these machines; its WebAssembly build
// (@prisma/schema-engine-wasm, pinned to the installed prisma's engine) does the same work:
// diffing the schema against the migrations and applying prisma/migrations.

const root = process.cwd();
export const schemaPath = path.join(root, "prisma", "schema.prisma");
export const migrationsDir = path.join(root, "prisma", "migrations");
const noFilter = { externalTables: [], externalEnums: [] };

type Engine = {
  diff(p: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  applyMigrations(p: unknown): Promise<{ appliedMigrationNames: string[] }>;
  reset(p: unknown): Promise<void>;
  free(): void;
};

// Explicit fields, not a connection string: a shadow database is made by overriding `database`,
// which pg ignores when a connectionString is present (the diff would then run in place).
function pgConfig(connectionString: string) {
  const url = new URL(connectionString);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    ssl: url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
}

type PgResult = { fields: { dataTypeID: number }[] };
const PG_CHAR = 18;
const PG_TEXT = 25;

// Three gaps in @prisma/adapter-pg 7.10 when it serves the schema engine (rather than queries):
// - it splits migration scripts on every ";" (function bodies, comments), so scripts go whole;
// - it rejects PostgreSQL's one-byte "char" type, which the engine's catalog queries return
//   (pg_constraint.contype, ...); pg hands those values over as strings, typed here as Character;
// - it drops its shadow database before closing the pool that uses it, which PostgreSQL refuses;
//   here the pool closes first and the drop uses FORCE.
class SchemaEnginePg extends PrismaPg {
  constructor(private readonly pgOptions: ReturnType<typeof pgConfig>) {
    super(pgOptions, { onPoolError: () => {} }); // idle connections may see the server stop; that is fine
  }

  override async connect() {
    const adapter = await super.connect();
    const io = adapter as unknown as {
      performIO: (q: unknown) => Promise<PgResult>;
      queryRaw: (q: unknown) => Promise<{ columnTypes: number[] }>;
      executeScript: (script: string) => Promise<void>;
      onError: (e: unknown) => never;
      client: { query: (sql: string) => Promise<unknown> };
    };
    // Migration scripts go to PostgreSQL whole (the simple query protocol runs many statements);
    // the stock adapter splits them on every ";", which breaks function bodies.
    io.executeScript = async (script) => {
      await io.client.query(script).catch((e: unknown) => io.onError(e));
    };
    const performIO = io.performIO.bind(adapter);
    const queryRaw = io.queryRaw.bind(adapter);
    let charColumns: number[] = [];
    io.performIO = async (query) => {
      const result = await performIO(query);
      charColumns = [];
      result.fields.forEach((f, i) => {
        if (f.dataTypeID !== PG_CHAR) return;
        f.dataTypeID = PG_TEXT;
        charColumns.push(i);
      });
      return result;
    };
    io.queryRaw = async (query) => {
      const result = await queryRaw(query);
      for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
      return result;
    };
    return adapter;
  }

  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new SchemaEnginePg({ ...this.pgOptions, database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  }
}

// One WebAssembly instance per process: the generated glue caches views of the instance's memory,
// so a second instance behind the same glue would read the first one's (freed) memory.
let wasmGlue: Promise<{ SchemaEngine: { new: (...a: unknown[]) => Promise<Engine> } }> | undefined;

function loadWasm() {
  wasmGlue ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = await import(path.join(dir, "schema_engine_bg.js"));
    // The engine reports Rust panics through this global before it aborts. (Migration tooling runs
    // before the app's environment exists, so it prints rather than using the app's logger.)
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message: string) => console.error(`schema engine panic: ${message}`),
    };
    const { instance } = await WebAssembly.instantiate(
      readFileSync(path.join(dir, "schema_engine_bg.wasm")),
      {
        "./schema_engine_bg.js": bg,
      },
    );
    const exports = instance.exports as Record<string, unknown> & { __wbindgen_start?: () => void };
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
    return bg;
  })();
  return wasmGlue;
}

async function loadEngine(connectionString: string): Promise<Engine> {
  const bg = await loadWasm();
  const schema = readFileSync(schemaPath, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(new SchemaEnginePg(pgConfig(connectionString)));
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
}

export function readMigrations() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok", value: readFileSync(file, "utf8") }
            : { tag: "error", value: "missing" },
        },
      };
    }),
  };
}

/** Applies every pending migration in prisma/migrations; returns the names it applied. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const engine = await loadEngine(connectionString);
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(), filters: noFilter });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The SQL that takes the database described by the migrations to the one described by
 * schema.prisma; empty when they agree. Needs no database connection of its own.
 */
export async function diffSchemaAgainstMigrations(connectionString: string): Promise<string> {
  const engine = await loadEngine(connectionString);
  try {
    const from = readMigrations().migrationDirectories.length
      ? { tag: "migrations", ...readMigrations() }
      : { tag: "empty" };
    const schema = readFileSync(schemaPath, "utf8");
    const out = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return out.stdout ?? "";
  } finally {
    engine.free();
  }
}

/** Drops everything in the database's schema (used by db:reset and test setup). */
export async function resetDatabase(connectionString: string): Promise<void> {
  const engine = await loadEngine(connectionString);
  try {
    await engine.reset({ filter: noFilter });
  } finally {
    engine.free();
  }
}
