import "server-only";
import type { Actor } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { invalidateCatalogSnapshot } from "@/lib/metering/catalog-cache";
import { auditCatalog } from "./change";
import {
  describeWindow,
  stepProblems,
  toRuleVersion,
  windowsOverlap,
  type PriceRuleVersion,
} from "./price-rules";
import type { PriceRuleInput } from "./schemas";

// The price book's dynamic pricing rules: every change is a new version (never an update), audited.
// The metering path reads them from the catalog snapshot (lib/metering/catalog-cache.ts).

const invalid = (message: string, field?: string) =>
  new AppError("invalid_price_rule", message, 400, field ? { field } : {});

/** Every rule, newest version first, with its history (newest first). */
export async function listPriceRules() {
  const rows = await db.priceRule.findMany({ orderBy: [{ id: "asc" }, { version: "desc" }] });
  const byId = new Map<string, PriceRuleVersion[]>();
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), toRuleVersion(row)]);
  return [...byId.values()]
    .map((versions) => ({ latest: versions[0], versions }))
    .sort((a, b) => a.latest.name.localeCompare(b.latest.name));
}

/** One rule with its history (newest first), or null. */
export async function findPriceRule(id: string) {
  const rows = await db.priceRule.findMany({ where: { id }, orderBy: { version: "desc" } });
  const versions = rows.map(toRuleVersion);
  return versions.length ? { name: versions[0].name, latest: versions[0], versions } : null;
}

async function check(tx: Tx, input: PriceRuleInput, id: string | null) {
  if (input.modelId && !(await tx.model.findUnique({ where: { id: input.modelId }, select: { id: true } })))
    throw invalid("That model does not exist.", "scope");
  if (input.tierId && !(await tx.tier.findUnique({ where: { id: input.tierId }, select: { id: true } })))
    throw invalid("That plan tier does not exist.", "scope");
  if (input.kind === "volume") {
    const problems = stepProblems(input.steps);
    if (problems.length) throw invalid(problems.join(" "), "steps");
  }
  // Other active rules of the same kind and scope, at their newest version.
  const others = await tx.priceRule.findMany({
    where: { kind: input.kind, modelId: input.modelId, tierId: input.tierId, ...(id && { id: { not: id } }) },
    orderBy: { version: "desc" },
    distinct: ["id"],
  });
  for (const other of others.map(toRuleVersion).filter((o) => o.active)) {
    if (input.kind === "volume")
      throw invalid(
        `“${other.name}” already sets volume steps for this scope: edit or archive it instead.`,
        "scope",
      );
    if (other.kind === "time_of_day" && windowsOverlap(input, other))
      throw invalid(`This window overlaps “${other.name}” (${describeWindow(other)}).`, "start");
  }
}

// Rules cannot take effect in the past: charges already made keep the rule they used.
function effectiveFrom(input: PriceRuleInput, now: Date) {
  if (input.effectiveFrom && input.effectiveFrom.getTime() < now.getTime() - 60_000)
    throw invalid("Effective from cannot be in the past.", "effectiveFrom");
  return input.effectiveFrom ?? now;
}

function row(input: PriceRuleInput) {
  const { name, modelId, tierId } = input;
  return input.kind === "volume"
    ? { kind: input.kind, name, modelId, tierId, steps: input.steps }
    : {
        kind: input.kind,
        name,
        modelId,
        tierId,
        startMinute: input.startMinute,
        endMinute: input.endMinute,
        weekdays: input.weekdays,
        multiplierBps: input.multiplierBps,
      };
}

async function write<T>(work: (tx: Tx) => Promise<T>) {
  const result = await db.$transaction(work);
  invalidateCatalogSnapshot();
  return result;
}

export function createPriceRule(actor: Actor, input: PriceRuleInput, now = new Date()) {
  return write(async (tx) => {
    await check(tx, input, null);
    const rule = await tx.priceRule.create({
      data: { ...row(input), version: 1, effectiveFrom: effectiveFrom(input, now), createdById: actor?.id },
    });
    await auditCatalog(tx, actor, "price_rule.create", rule.id, { after: rule });
    return rule;
  });
}

/** A new version of the rule, in force from its effective-from. The scope and kind stay. */
export function updatePriceRule(actor: Actor, id: string, input: PriceRuleInput, now = new Date()) {
  return write(async (tx) => {
    const before = await tx.priceRule.findFirst({ where: { id }, orderBy: { version: "desc" } });
    if (!before) throw new NotFoundError("Pricing rule");
    if (!before.active) throw invalid("This rule is archived.");
    if (before.kind !== input.kind || before.modelId !== input.modelId || before.tierId !== input.tierId)
      throw invalid("A rule keeps its kind and scope: archive it and create another.", "scope");
    await check(tx, input, id);
    const rule = await tx.priceRule.create({
      data: {
        ...row(input),
        id,
        version: before.version + 1,
        effectiveFrom: effectiveFrom(input, now),
        createdById: actor?.id,
      },
    });
    await auditCatalog(tx, actor, "price_rule.update", id, { before, after: rule });
    return rule;
  });
}

/** Archives a rule from now on: a last version with active = false. Past charges keep their stamps. */
export function archivePriceRule(actor: Actor, id: string, now = new Date()) {
  return write(async (tx) => {
    const before = await tx.priceRule.findFirst({ where: { id }, orderBy: { version: "desc" } });
    if (!before) throw new NotFoundError("Pricing rule");
    if (!before.active) throw invalid("This rule is already archived.");
    const { kind, name, modelId, tierId, startMinute, endMinute, weekdays, multiplierBps, steps } = before;
    const rule = await tx.priceRule.create({
      data: {
        id,
        kind,
        name,
        modelId,
        tierId,
        startMinute,
        endMinute,
        weekdays,
        multiplierBps,
        steps: steps ?? undefined,
        version: before.version + 1,
        active: false,
        effectiveFrom: now,
        createdById: actor?.id,
      },
    });
    await auditCatalog(tx, actor, "price_rule.archive", id, { before, after: rule });
    return rule;
  });
}

/** The models and plan tiers a rule can apply to, as form choices, and a rule's scope in words. */
export async function ruleScopes() {
  const [models, tiers] = await Promise.all([
    db.model.findMany({ orderBy: { key: "asc" }, select: { id: true, key: true, name: true } }),
    db.tier.findMany({ orderBy: { rank: "asc" }, select: { id: true, name: true } }),
  ]);
  const modelLabel = new Map(models.map((m) => [m.id, `${m.name} (${m.key})`]));
  const tierLabel = new Map(tiers.map((t) => [t.id, `${t.name} plan`]));
  return {
    models: models.map((m) => ({ value: `model:${m.id}`, label: modelLabel.get(m.id)! })),
    tiers: tiers.map((t) => ({ value: `tier:${t.id}`, label: tierLabel.get(t.id)! })),
    labelOf: (rule: Pick<PriceRuleVersion, "modelId" | "tierId">) =>
      (rule.modelId ? modelLabel.get(rule.modelId) : tierLabel.get(rule.tierId ?? "")) ?? "(deleted)",
  };
}

/** Active, archived, or scheduled (its first version is not in force yet). */
export function ruleStatus(versions: PriceRuleVersion[], now = new Date()) {
  const latest = versions[0];
  if (!latest.active) return "archived" as const;
  if (versions.at(-1)!.effectiveFrom > now) return "scheduled" as const;
  return "active" as const;
}
