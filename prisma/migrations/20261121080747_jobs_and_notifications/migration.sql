-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'sending';

-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "category" TEXT,
ADD COLUMN     "headers" JSONB,
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3),
ADD COLUMN     "lockedUntil" TIMESTAMP(3),
ADD COLUMN     "resendOfId" TEXT;

-- CreateTable
CREATE TABLE "EmailOptOut" (
    "userId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailOptOut_pkey" PRIMARY KEY ("userId","category")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerCheck" (
    "id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "workspacesChecked" INTEGER NOT NULL,
    "mismatchCount" INTEGER NOT NULL,
    "mismatches" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Alert_createdAt_idx" ON "Alert"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_workspaceId_kind_periodKey_key" ON "Alert"("workspaceId", "kind", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerCheck_day_key" ON "LedgerCheck"("day");

-- CreateIndex
CREATE INDEX "EmailOutbox_template_createdAt_idx" ON "EmailOutbox"("template", "createdAt");

-- AddForeignKey
ALTER TABLE "EmailOptOut" ADD CONSTRAINT "EmailOptOut_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
