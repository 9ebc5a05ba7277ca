import "server-only";
import { db } from "@/lib/db";
import type { Choice } from "@/lib/payments/plan-choice";

/** The display names of a pricing-page choice (a tier or a pack); missing ones stay undefined. */
export async function chosenNames(choice: Choice): Promise<{ plan?: string; pack?: string }> {
  if (choice.kind === "pack") {
    const pack = await db.creditPack.findUnique({ where: { code: choice.pack }, select: { name: true } });
    return { pack: pack?.name };
  }
  const tier = await db.tier.findUnique({ where: { code: choice.plan }, select: { name: true } });
  return { plan: tier?.name };
}
