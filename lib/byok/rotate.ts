import "server-only";
import { db } from "@/lib/db";
import { currentKeyVersion, keyContext, seal, unseal } from "./crypto";

const BATCH = 100;

export type RotationResult = { rotated: number; failed: { id: string; keyVersion: number; error: string }[] };

/**
 * Re-encrypts every provider key not on the current BYOK key version. Rows are read in batches and
 * each is rewritten by one conditional UPDATE (its own short transaction): a row saved or rotated
 * meanwhile is left alone. Safe to run again, or on several machines at once.
 */
export async function rotateProviderKeys(): Promise<RotationResult> {
  const current = currentKeyVersion();
  const result: RotationResult = { rotated: 0, failed: [] };
  let cursor = "";
  for (;;) {
    const rows = await db.providerKey.findMany({
      where: { keyVersion: { not: current }, id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      try {
        const context = keyContext(row.workspaceId, row.provider);
        const sealed = seal(unseal(row, context), context);
        const { count } = await db.providerKey.updateMany({
          where: { id: row.id, keyVersion: row.keyVersion, ciphertext: row.ciphertext },
          data: sealed,
        });
        result.rotated += count;
      } catch (e) {
        result.failed.push({
          id: row.id,
          keyVersion: row.keyVersion,
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
    cursor = rows[rows.length - 1].id;
  }
  return result;
}
