-- AlterTable
ALTER TABLE "CheckoutSession" ADD COLUMN     "planVersionId" TEXT;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "planMoveAt" TIMESTAMP(3),
ADD COLUMN     "planVersionId" TEXT,
ADD COLUMN     "scheduledPlanVersionId" TEXT;

-- AlterTable
ALTER TABLE "Tier" ADD COLUMN     "currentPlanVersionId" TEXT;

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "monthlyPriceCents" INTEGER NOT NULL,
    "annualPriceCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'usd',
    "includedMillicredits" BIGINT NOT NULL DEFAULT 0,
    "dailyQuotaUnits" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_tierId_version_key" ON "PlanVersion"("tierId", "version");

-- CreateIndex
CREATE INDEX "Subscription_planVersionId_idx" ON "Subscription"("planVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "Tier_currentPlanVersionId_key" ON "Tier"("currentPlanVersionId");

-- AddForeignKey
ALTER TABLE "Tier" ADD CONSTRAINT "Tier_currentPlanVersionId_fkey" FOREIGN KEY ("currentPlanVersionId") REFERENCES "PlanVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "Tier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_planVersionId_fkey" FOREIGN KEY ("planVersionId") REFERENCES "PlanVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_scheduledPlanVersionId_fkey" FOREIGN KEY ("scheduledPlanVersionId") REFERENCES "PlanVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: every tier's terms today are its version 1, and every subscription was sold at it.
INSERT INTO "PlanVersion" ("id", "tierId", "version", "monthlyPriceCents", "annualPriceCents", "currency", "includedMillicredits", "dailyQuotaUnits", "createdAt")
SELECT 'pv1_' || t."id", t."id", 1, t."monthlyPriceCents", t."annualPriceCents", t."currency", t."includedMillicredits", t."dailyQuotaUnits", t."createdAt"
FROM "Tier" t;

UPDATE "Tier" SET "currentPlanVersionId" = 'pv1_' || "id";

UPDATE "Subscription" SET "planVersionId" = 'pv1_' || "tierId";
