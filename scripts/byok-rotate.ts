// npm run byok:rotate — re-encrypt every stored provider key (BYOK) with the newest BYOK_ENCRYPTION_KEYS version.
import "./lib/dotenv"; // before anything reads the environment
import { resolveDatabase } from "@/lib/db/local";
import { env } from "@/lib/env";

async function main() {
  const database = await resolveDatabase({
    url: env.DATABASE_URL,
    port: env.EMBEDDED_PG_PORT,
    dir: env.EMBEDDED_PG_DIR,
  });
  env.DATABASE_URL = database.url;
  const { rotateProviderKeys } = await import("@/lib/byok/rotate");
  const { currentKeyVersion } = await import("@/lib/byok/crypto");
  const { db } = await import("@/lib/db");
  try {
    const result = await rotateProviderKeys();
    console.log(`Re-encrypted ${result.rotated} provider key(s) with v${currentKeyVersion()}.`);
    for (const f of result.failed) console.error(`  could not rotate ${f.id} (v${f.keyVersion}): ${f.error}`);
    process.exitCode = result.failed.length ? 1 : 0;
  } finally {
    await db.$disconnect();
    await database.stop().catch(() => {});
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
