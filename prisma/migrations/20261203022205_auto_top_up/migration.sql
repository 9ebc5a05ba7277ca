-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "cardBrand" TEXT,
ADD COLUMN     "cardLast4" TEXT,
ADD COLUMN     "failureReason" TEXT;

-- CreateTable
CREATE TABLE "AutoTopUp" (
    "workspaceId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "thresholdMillicredits" BIGINT NOT NULL,
    "creditPackId" TEXT NOT NULL,
    "monthlyCapCents" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "chargingSince" TIMESTAMP(3),
    "pausedAt" TIMESTAMP(3),
    "pauseReason" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AutoTopUp_pkey" PRIMARY KEY ("workspaceId")
);
