-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('credit_pack', 'plan_start', 'plan_change', 'renewal');

-- AlterTable
ALTER TABLE "CheckoutSession" ADD COLUMN     "couponId" TEXT,
ADD COLUMN     "discountCents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Coupon" ADD COLUMN     "stripeCouponId" TEXT;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "discountCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" "PaymentKind" NOT NULL DEFAULT 'credit_pack',
ADD COLUMN     "periodEnd" TIMESTAMP(3),
ADD COLUMN     "periodStart" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "pastDueAt" TIMESTAMP(3),
ADD COLUMN     "scheduledInterval" "BillingInterval",
ADD COLUMN     "tierChangedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PaymentMethod" (
    "workspaceId" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "expMonth" INTEGER NOT NULL,
    "expYear" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaymentMethod_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "Payment_providerChargeId_idx" ON "Payment"("providerChargeId");

-- Backfill: payments made through a subscription checkout started a plan
UPDATE "Payment" p SET "kind" = 'plan_start' FROM "CheckoutSession" c WHERE c."id" = p."checkoutSessionId" AND c."kind" = 'subscription';
