import "server-only";
import type { Tx } from "@/lib/db";

// Leaf helpers for auto top-up that the webhook handlers use without importing the runner (which
// imports the payment providers): the crossing reference and settling a crossing once paid.

const PREFIX = "auto-topup:";

/** The checkout id, and idempotency key, of one crossing: `auto-topup:<workspace>:<seq>`. */
export const autoTopUpReference = (workspaceId: string, seq: number) => `${PREFIX}${workspaceId}:${seq}`;

export const isAutoTopUp = (checkoutId: string | null | undefined) => Boolean(checkoutId?.startsWith(PREFIX));

/** The crossing's pack has landed: the next charge below the threshold may start another. */
export async function settleAutoTopUp(tx: Tx, checkoutId: string) {
  if (!isAutoTopUp(checkoutId)) return;
  const workspaceId = checkoutId.slice(PREFIX.length, checkoutId.lastIndexOf(":"));
  await tx.autoTopUp.updateMany({ where: { workspaceId }, data: { chargingSince: null } });
}
