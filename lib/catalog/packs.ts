import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { AppError, NotFoundError, uniqueViolation } from "@/lib/errors";
import type { CreditPackInput } from "./schemas";

const toRow = (input: CreditPackInput) => ({
  code: input.code,
  name: input.name,
  millicredits: input.credits,
  bonusMillicredits: input.bonusCredits,
  priceCents: input.price,
  active: input.active,
  sortOrder: input.sortOrder,
});

export function listCreditPacks(opts: { activeOnly?: boolean } = {}) {
  return db.creditPack.findMany({
    where: opts.activeOnly ? { active: true } : {},
    orderBy: [{ sortOrder: "asc" }, { priceCents: "asc" }],
  });
}

export async function createCreditPack(actor: Actor, input: CreditPackInput) {
  if (input.credits <= 0n) throw new AppError("invalid_pack", "A credit pack must contain credits.");
  return db
    .$transaction(async (tx) => {
      const pack = await tx.creditPack.create({ data: toRow(input) });
      await recordAudit(tx, {
        actor,
        action: "credit_pack.create",
        targetType: "credit_pack",
        targetId: pack.id,
        after: pack,
      });
      return pack;
    })
    .catch(uniqueViolation("Another credit pack already uses that code."));
}

export async function updateCreditPack(actor: Actor, id: string, input: CreditPackInput) {
  if (input.credits <= 0n) throw new AppError("invalid_pack", "A credit pack must contain credits.");
  return db
    .$transaction(async (tx) => {
      const before = await tx.creditPack.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("Credit pack");
      const pack = await tx.creditPack.update({ where: { id }, data: toRow(input) });
      await recordAudit(tx, {
        actor,
        action: "credit_pack.update",
        targetType: "credit_pack",
        targetId: id,
        before,
        after: pack,
      });
      return pack;
    })
    .catch(uniqueViolation("Another credit pack already uses that code."));
}

export async function deleteCreditPack(actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.creditPack.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Credit pack");
    await tx.creditPack.delete({ where: { id } });
    await recordAudit(tx, {
      actor,
      action: "credit_pack.delete",
      targetType: "credit_pack",
      targetId: id,
      before,
    });
  });
}
