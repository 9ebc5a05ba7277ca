import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export type ThrowawayDatabase = { url: string; stop: () => Promise<void> };

/** A PostgreSQL of its own (own port, own temporary directory) that `stop` removes again. */
export async function startThrowawayPostgres({
  prefix,
  database,
  fast,
}: {
  prefix: string;
  database: string;
  fast: boolean;
}): Promise<ThrowawayDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755); // PostgreSQL runs as the `postgres` user and must reach its data directory
  const db = await startEmbeddedPostgres({
    dir: path.join(dir, "pg"),
    port: await freePort(),
    database,
    persistent: false,
    fast,
  });
  return {
    url: db.url,
    stop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
