import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startSubscriptionCheckout } from "@/lib/payments/checkout";
import { giveModel, tierForm } from "@/test/catalog";
import { buyer } from "@/test/payments";
import { createFeature, updateFeature } from "./features";
import { getPublicCatalog } from "./public";
import { featureSchema } from "./schemas";
import { activeSubscriberCount, changesTerms, createTier, setTierArchived, updateTier } from "./tiers";

// Catalog guard rails: unique ranks, drafts until a tier has models, keys locked once used, one
// explicit "Most popular".

const admin = { id: "admin-guard", email: "admin@example.test" };
const code = () => `g-${randomUUID().slice(0, 8)}`;
const form = tierForm;

describe("ranks", () => {
  it("are unique: a taken rank is refused on the rank field, naming its tier; the database refuses too", async () => {
    const pro = await db.tier.findUniqueOrThrow({ where: { code: "pro" } });
    const refused = createTier(admin, form(code(), { rank: String(pro.rank) }));
    await expect(refused).rejects.toThrow(
      `Rank ${pro.rank} is already Pro's. Ranks are unique: they decide upgrade vs downgrade.`,
    );
    await expect(refused).rejects.toMatchObject({ status: 409, details: { field: "rank" } });
    const mine = await createTier(admin, form(code()));
    await expect(updateTier(admin, mine.id, form(mine.code, { rank: String(pro.rank) }))).rejects.toThrow(
      /is already Pro's/,
    );
    // The constraint holds even for writes that skip the check.
    await expect(db.tier.update({ where: { id: mine.id }, data: { rank: pro.rank } })).rejects.toMatchObject({
      code: "P2002",
    });
  });
});

describe("draft tiers", () => {
  it("a public tier is not on the pricing page nor purchasable until it has a model", async () => {
    const tier = await createTier(admin, form(code()));
    const listed = async () => (await getPublicCatalog()).tiers.some((t) => t.code === tier.code);
    expect(await listed()).toBe(false);
    const b = await buyer();
    await expect(startSubscriptionCheckout(b, tier.code, "month")).rejects.toThrow(/Plan/);
    await giveModel(tier.id);
    expect(await listed()).toBe(true);
    await expect(startSubscriptionCheckout(b, tier.code, "month")).resolves.toMatchObject({
      url: expect.stringContaining("/checkout/"),
    });
  });
});

describe("keys locked once used", () => {
  it("a tier's code cannot change once a subscription names the tier; other fields still save", async () => {
    const tier = await createTier(admin, form(code()));
    // Unused: the code may still change.
    const renamed = await updateTier(admin, tier.id, form(`${tier.code}-x`, { rank: String(tier.rank) }));
    const ws = await db.workspace.create({ data: { name: "Locker", slug: `ws-${randomUUID()}` } });
    await db.subscription.create({
      data: {
        workspaceId: ws.id,
        tierId: tier.id,
        currentPeriodStart: new Date(),
        currentPeriodEnd: new Date(Date.now() + 30 * 864e5),
      },
    });
    const refused = updateTier(admin, tier.id, form(`${renamed.code}-y`, { rank: String(tier.rank) }));
    await expect(refused).rejects.toThrow(/^Locked: 1 subscription \(1 live\) refer to this tier/);
    await expect(refused).rejects.toMatchObject({ status: 409, details: { field: "code" } });
    expect((await db.tier.findUniqueOrThrow({ where: { id: tier.id } })).code).toBe(renamed.code);
    await expect(
      updateTier(admin, tier.id, form(renamed.code, { rank: String(tier.rank), name: "Renamed only" })),
    ).resolves.toMatchObject({ name: "Renamed only" });
    expect(await activeSubscriberCount(tier.id)).toBe(1);
  });

  it("a feature's key cannot change once a tier grants it", async () => {
    const key = `f_${randomUUID().slice(0, 8).replaceAll("-", "")}`;
    const input = (k: string) => featureSchema.parse({ key: k, name: "Guarded", kind: "boolean" });
    const feature = await createFeature(admin, input(key));
    await updateFeature(admin, feature.id, input(`${key}_a`));
    const tier = await db.tier.findUniqueOrThrow({ where: { code: "pro" } });
    await db.tierFeature.create({ data: { tierId: tier.id, featureId: feature.id } });
    await expect(updateFeature(admin, feature.id, input(`${key}_b`))).rejects.toThrow(
      "Locked: 1 tier grants this feature, and apps check entitlements by its key.",
    );
    await db.tierFeature.deleteMany({ where: { featureId: feature.id } });
  });
});

describe("price edits", () => {
  it("know whether they change the versioned terms (the form then asks about subscribers)", async () => {
    const tier = await createTier(admin, form(code()));
    const same = form(tier.code, { rank: String(tier.rank), name: "Only the name" });
    expect(await changesTerms(tier.id, same)).toBe(false);
    expect(await changesTerms(tier.id, { ...same, monthlyPrice: 3_000 })).toBe(true);
  });
});

describe("most popular", () => {
  it("moves explicitly from one tier to another, and archiving the popular tier leaves none", async () => {
    const pro = await db.tier.findUniqueOrThrow({ where: { code: "pro" } });
    expect(pro.mostPopular).toBe(true);
    const tier = await createTier(admin, form(code(), { mostPopular: "on" }));
    expect(tier.popularFrom).toMatchObject({ code: "pro" });
    expect(await db.tier.findMany({ where: { mostPopular: true }, select: { id: true } })).toEqual([
      { id: tier.id },
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: tier.id, action: "tier.create" } });
    expect(audit.after).toMatchObject({ mostPopularMovedFrom: "pro" });

    const archived = await setTierArchived(admin, tier.id, true);
    expect(archived.wasMostPopular).toBe(true);
    expect(await db.tier.count({ where: { mostPopular: true } })).toBe(0);
    // Back as it was for other tests.
    await db.tier.update({ where: { id: pro.id }, data: { mostPopular: true } });
  });
});
