import "server-only";
import type { Actor } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { auditCatalog, catalogDelete, catalogWrite } from "./change";
import { AppError, NotFoundError } from "@/lib/errors";
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
  return catalogWrite("Another credit pack already uses that code.", async (tx) => {
    const pack = await tx.creditPack.create({ data: toRow(input) });
    await auditCatalog(tx, actor, "credit_pack.create", pack.id, { after: pack });
    return pack;
  });
}

export async function updateCreditPack(actor: Actor, id: string, input: CreditPackInput) {
  if (input.credits <= 0n) throw new AppError("invalid_pack", "A credit pack must contain credits.");
  return catalogWrite("Another credit pack already uses that code.", async (tx) => {
    const before = await tx.creditPack.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Credit pack");
    const pack = await tx.creditPack.update({ where: { id }, data: toRow(input) });
    await auditCatalog(tx, actor, "credit_pack.update", id, { before, after: pack });
    return pack;
  });
}

export function deleteCreditPack(actor: Actor, id: string) {
  return catalogDelete(actor, "credit_pack.delete", id, "Credit pack", {
    find: (tx) => tx.creditPack.findUnique({ where: { id } }),
    remove: (tx) => tx.creditPack.delete({ where: { id } }),
  });
}
