-- CreateTable
CREATE TABLE "RollupDay" (
    "day" DATE NOT NULL,
    "rolledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "segments" TEXT NOT NULL,

    CONSTRAINT "RollupDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "UsageTierRollup" (
    "day" DATE NOT NULL,
    "tierId" TEXT NOT NULL,
    "modelKey" TEXT NOT NULL,
    "calls" INTEGER NOT NULL,
    "providerCostMicros" BIGINT NOT NULL,
    "chargedMillicredits" BIGINT NOT NULL,
    "listValueMicros" BIGINT NOT NULL,

    CONSTRAINT "UsageTierRollup_pkey" PRIMARY KEY ("day","tierId","modelKey")
);

-- CreateTable
CREATE TABLE "UsageRollup" (
    "day" DATE NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "modelKey" TEXT NOT NULL,
    "calls" INTEGER NOT NULL,
    "quotaUnits" BIGINT NOT NULL,
    "providerCostMicros" BIGINT NOT NULL,
    "chargedMillicredits" BIGINT NOT NULL,
    "listValueMicros" BIGINT NOT NULL,

    CONSTRAINT "UsageRollup_pkey" PRIMARY KEY ("day","workspaceId","modelKey")
);

-- CreateTable
CREATE TABLE "UsageHourRollup" (
    "day" DATE NOT NULL,
    "hour" INTEGER NOT NULL,
    "calls" INTEGER NOT NULL,
    "chargedMillicredits" BIGINT NOT NULL,

    CONSTRAINT "UsageHourRollup_pkey" PRIMARY KEY ("day","hour")
);

-- CreateTable
CREATE TABLE "LedgerRollup" (
    "day" DATE NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "entries" INTEGER NOT NULL,
    "creditedMillicredits" BIGINT NOT NULL,
    "debitedMillicredits" BIGINT NOT NULL,

    CONSTRAINT "LedgerRollup_pkey" PRIMARY KEY ("day","workspaceId","kind")
);

-- CreateIndex
CREATE INDEX "UsageRollup_workspaceId_day_idx" ON "UsageRollup"("workspaceId", "day");
