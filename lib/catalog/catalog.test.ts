import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedCatalog } from "@/prisma/seed-catalog";
import { giveModel, tierForm } from "@/test/catalog";
import { saveFeatureMatrix } from "./features";
import { saveModelAccess, updateModel } from "./models";
import { getPublicCatalog } from "./public";
import { modelSchema } from "./schemas";
import { createTier, setTierArchived, updateTier } from "./tiers";

const admin = { id: "admin-test", email: "admin@example.test" };
const counts = async () => ({
  tiers: await db.tier.count(),
  features: await db.feature.count(),
  tierFeatures: await db.tierFeature.count(),
  apps: await db.app.count(),
  models: await db.model.count(),
  tierModels: await db.tierModel.count(),
  packs: await db.creditPack.count(),
});

describe("catalog seed", () => {
  it("creates the four tiers, six apps and the packs, and running it again (even twice at once) changes nothing", async () => {
    const before = await counts();
    expect(
      await db.tier.findMany({ where: { code: { in: ["free", "starter", "pro", "enterprise"] } } }),
    ).toHaveLength(4);
    expect((await db.app.findMany()).map((a) => a.key)).toEqual(
      expect.arrayContaining([
        "video-generator",
        "poster-editor",
        "video-mixer",
        "carousel-mix",
        "looping-flow",
        "chat",
      ]),
    );
    expect(await Promise.all([seedCatalog(), seedCatalog()])).toEqual([false, false]);
    expect(await counts()).toEqual(before);
  });

  it("prices annual plans at two months free and gives paid tiers 10% / 5% / 0% markups", async () => {
    const tiers = await db.tier.findMany({
      where: { code: { in: ["starter", "pro", "enterprise"] } },
      orderBy: { rank: "asc" },
    });
    for (const t of tiers) expect(t.annualPriceCents).toBe(t.monthlyPriceCents * 10);
    expect(tiers.map((t) => t.markupBps)).toEqual([1000, 500, 0]);
  });
});

describe("tiers", () => {
  it("stores form values as cents, millicredits and basis points and keeps one most-popular tier", async () => {
    const code = `t-${randomUUID().slice(0, 6)}`;
    const tier = await createTier(admin, tierForm(code, { mostPopular: "on", monthlyPrice: "49.99" }));
    expect(tier).toMatchObject({
      monthlyPriceCents: 4999,
      annualPriceCents: 49000,
      includedMillicredits: 5_000_000n,
      markupBps: 750,
      mostPopular: true,
    });
    expect(await db.tier.count({ where: { mostPopular: true } })).toBe(1);
    const audit = await db.auditLog.findFirst({ where: { targetId: tier.id, action: "tier.create" } });
    expect(audit).toMatchObject({
      actorEmail: admin.email,
      after: expect.objectContaining({ includedMillicredits: "5000000" }),
    });
    // restore the seeded badge for other tests
    await updateTier(admin, tier.id, tierForm(code));
    await db.tier.update({ where: { code: "pro" }, data: { mostPopular: true } });
  });

  it("refuses a duplicate code with a readable message", async () => {
    await expect(createTier(admin, tierForm("pro"))).rejects.toThrow("Another tier already uses that code.");
  });

  it("hides an archived tier from the pricing catalog but keeps its subscribers on it", async () => {
    const code = `arch-${randomUUID().slice(0, 6)}`;
    const tier = await createTier(admin, tierForm(code));
    await giveModel(tier.id); // on sale (without a model it would be a draft, off the page anyway)
    const workspace = await db.workspace.create({ data: { name: "Subscriber", slug: `ws-${randomUUID()}` } });
    const now = new Date();
    const sub = await db.subscription.create({
      data: {
        workspaceId: workspace.id,
        tierId: tier.id,
        currentPeriodStart: now,
        currentPeriodEnd: new Date(now.getTime() + 30 * 864e5),
      },
    });
    expect((await getPublicCatalog()).tiers.map((t) => t.code)).toContain(code);
    await setTierArchived(admin, tier.id, true);
    expect((await getPublicCatalog()).tiers.map((t) => t.code)).not.toContain(code);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({
      tierId: tier.id,
      status: "active",
    });
    await setTierArchived(admin, tier.id, false);
    expect((await getPublicCatalog()).tiers.map((t) => t.code)).toContain(code);
    expect(
      await db.auditLog.count({
        where: { targetId: tier.id, action: { in: ["tier.archive", "tier.unarchive"] } },
      }),
    ).toBe(2);
  });

  it("does not let the free tier be archived", async () => {
    const free = await db.tier.findUniqueOrThrow({ where: { code: "free" } });
    await expect(setTierArchived(admin, free.id, true)).rejects.toThrow(/cannot be archived/);
  });
});

describe("matrix editors", () => {
  it("persist exactly the ticked tier × feature cells, with limits only on limit features", async () => {
    const original = await db.tierFeature.findMany();
    const [starter, pro] = await Promise.all(
      ["starter", "pro"].map((code) => db.tier.findUniqueOrThrow({ where: { code } })),
    );
    const seats = await db.feature.findUniqueOrThrow({ where: { key: "team_seats" } });
    const sso = await db.feature.findUniqueOrThrow({ where: { key: "sso" } });
    const cells = [
      { tierId: starter.id, featureId: seats.id, limitValue: 4 },
      { tierId: pro.id, featureId: seats.id, limitValue: null },
      { tierId: pro.id, featureId: sso.id, limitValue: 99 },
    ];
    await saveFeatureMatrix(admin, cells);
    const saved = await db.tierFeature.findMany();
    expect(saved).toHaveLength(3);
    expect(saved).toEqual(
      expect.arrayContaining([
        { tierId: starter.id, featureId: seats.id, limitValue: 4 },
        { tierId: pro.id, featureId: seats.id, limitValue: null },
        { tierId: pro.id, featureId: sso.id, limitValue: null },
      ]),
    );
    const catalog = await getPublicCatalog();
    expect(catalog.tiers.find((t) => t.code === "pro")?.features).toEqual({
      team_seats: { limitValue: null },
      sso: { limitValue: null },
    });
    await saveFeatureMatrix(admin, original);
    expect(await db.tierFeature.count()).toBe(original.length);
  });

  it("persist exactly the ticked tier × model pairs and derive the required tier from them", async () => {
    const original = await db.tierModel.findMany();
    const starter = await db.tier.findUniqueOrThrow({ where: { code: "starter" } });
    const enterprise = await db.tier.findUniqueOrThrow({ where: { code: "enterprise" } });
    const sr = await db.model.findUniqueOrThrow({ where: { key: "poster-editor:super-resolution" } });
    const veo = await db.model.findUniqueOrThrow({ where: { key: "video-generator:veo-3" } });
    await saveModelAccess(admin, [
      { tierId: starter.id, modelId: sr.id },
      { tierId: enterprise.id, modelId: sr.id },
      { tierId: enterprise.id, modelId: veo.id },
    ]);
    expect(await db.tierModel.count()).toBe(3);
    const models = (await getPublicCatalog()).apps.flatMap((a) => a.models);
    expect(models.find((m) => m.key === sr.key)?.requiredTier).toBe("starter");
    expect(models.find((m) => m.key === veo.key)?.requiredTier).toBe("enterprise");
    expect(models.find((m) => m.key === "chat:gpt-4o")?.requiredTier).toBeNull();
    await saveModelAccess(admin, original);
    expect(await db.tierModel.count()).toBe(original.length);
  });
});

describe("models", () => {
  it("bumps the price version only when something that changes the price changes", async () => {
    const model = await db.model.findUniqueOrThrow({
      where: { key: "video-mixer:mix-hd" },
      include: { app: true },
    });
    const form = (over: Record<string, string>) =>
      modelSchema.parse({
        appId: model.appId,
        slug: "mix-hd",
        name: model.name,
        unit: model.unit,
        costPerUnitMicros: model.costPerUnitMicros.toString(),
        inputCostPer1kMicros: "0",
        outputCostPer1kMicros: "0",
        quotaWeight: String(model.quotaWeight),
        enabled: "on",
        markupOverridePercent: "",
        ...over,
      });
    const renamed = await updateModel(admin, model.id, form({ name: "Mix HD (renamed)" }));
    expect(renamed.priceVersion).toBe(model.priceVersion);
    const repriced = await updateModel(admin, model.id, form({ name: "Mix HD", costPerUnitMicros: "31000" }));
    expect(repriced).toMatchObject({
      priceVersion: model.priceVersion + 1,
      costPerUnitMicros: 31_000n,
      key: "video-mixer:mix-hd",
    });
    await updateModel(admin, model.id, form({ name: model.name }));
  });
});
