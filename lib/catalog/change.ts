import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { NotFoundError, uniqueViolation } from "@/lib/errors";

/**
 * A catalog write in one transaction, its audit entry included; a clash with another row's unique
 * key or code is refused with `duplicate` (409 already_exists).
 */
export function catalogWrite<T>(duplicate: string, write: (tx: Tx) => Promise<T>) {
  return db.$transaction(write).catch(uniqueViolation(duplicate));
}

/** Audits a catalog change; the target type is the action's prefix ("credit_pack.update" → "credit_pack"). */
export function auditCatalog(
  tx: Tx,
  actor: Actor,
  action: `${string}.${string}`,
  targetId: string,
  change: { before?: unknown; after?: unknown },
) {
  return recordAudit(tx, { actor, action, targetType: action.split(".")[0], targetId, ...change });
}

/**
 * Deletes a catalog row and audits what it was: `find` reads it (with whatever the entry should
 * keep, e.g. its tier links), `remove` deletes it once `check` (if any) has let it go.
 */
export function catalogDelete<T>(
  actor: Actor,
  action: `${string}.delete`,
  id: string,
  noun: string,
  steps: {
    find: (tx: Tx) => Promise<T | null>;
    check?: (row: T) => void;
    remove: (tx: Tx) => Promise<unknown>;
  },
) {
  return db.$transaction(async (tx) => {
    const before = await steps.find(tx);
    if (!before) throw new NotFoundError(noun);
    steps.check?.(before);
    await steps.remove(tx);
    await auditCatalog(tx, actor, action, id, { before });
  });
}
