import "server-only";
import net from "node:net";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";

/** Refuses to let tests or resets touch anything but a database on this machine (dub's assert-local-database). */
export function assertLocalDatabase(url: string) {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run against a non-local database (${host}).`);
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.end(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/**
 * The database the app and the db:* scripts use: DATABASE_URL when set; otherwise the embedded
 * PostgreSQL under .data/ — reused when another process (say `npm run dev`) already runs it.
 */
export async function resolveDatabase(opts: {
  url?: string;
  port: number;
  dir: string;
  log?: (s: string) => void;
}) {
  if (opts.url) return { url: opts.url, embedded: false, stop: async () => {} };
  const url = `postgresql://postgres:postgres@localhost:${opts.port}/tollgate`;
  if (await portOpen(opts.port)) return { url, embedded: true, stop: async () => {} };
  const pg = await startEmbeddedPostgres({
    dir: path.resolve(opts.dir),
    port: opts.port,
    database: "tollgate",
    log: opts.log,
  });
  return { url: pg.url, embedded: true, stop: pg.stop };
}
