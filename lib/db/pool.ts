import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";
import { log } from "@/lib/observability/logger";

// A plain node-postgres pool for the metering hot path: one short statement per API call, with
// no ORM query planning in between. Everything else goes through Prisma (lib/db).
const TIMESTAMP = 1114;
const globalForPool = globalThis as unknown as { tollgatePool?: pg.Pool };

export function pool(): pg.Pool {
  if (!globalForPool.tollgatePool) {
    globalForPool.tollgatePool = new pg.Pool({
      connectionString: databaseUrl(),
      max: 20,
      // Keep connections open: a new one costs a backend start plus compiling the charge functions
      // and planning their statements (tens of ms on a small box), which an app's call would wait
      // for after every quiet spell with the default 10 s idle timeout (README, "Performance").
      idleTimeoutMillis: 10 * 60_000,
      allowExitOnIdle: true,
      // Prisma stores DateTime as UTC in columns without a zone; read them back as UTC too.
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") =>
          oid === TIMESTAMP
            ? (v: string) => new Date(`${v.replace(" ", "T")}Z`)
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // The message and code only: node-postgres hangs the whole client (and its prepared statements) on the error.
    globalForPool.tollgatePool.on("error", (e) =>
      log.error(
        { err: { message: e.message, code: (e as { code?: string }).code } },
        "idle database connection failed",
      ),
    );
  }
  return globalForPool.tollgatePool;
}
