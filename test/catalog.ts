import { db } from "@/lib/db";
import { tierSchema } from "@/lib/catalog/schemas";

// Helpers for catalog tests: a tier form's parsed input, and putting a tier on sale.

/** A rank no other test tier takes (ranks are unique). */
export const uniqueRank = () => String(1_000 + Math.floor(Math.random() * 998_000));

/** A public tier's form input at $49 / $490 with 5,000 credits, 100 units a day and a 7.5% markup. */
export const tierForm = (code: string, over: Record<string, string> = {}) =>
  tierSchema.parse({
    code,
    name: `Tier ${code}`,
    description: "",
    monthlyPrice: "49",
    annualPrice: "490",
    includedCredits: "5000",
    dailyQuotaUnits: "100",
    rateLimitPerMinute: "60",
    markupPercent: "7.5",
    rank: uniqueRank(),
    isPublic: "on",
    ...over,
  });

/** A tier goes on sale once it has a model (until then it is a draft). */
export async function giveModel(tierId: string) {
  const model = await db.model.findFirstOrThrow({ where: { enabled: true } });
  await db.tierModel.create({ data: { tierId, modelId: model.id } });
}
