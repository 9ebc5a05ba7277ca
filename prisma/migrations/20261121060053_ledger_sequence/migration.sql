-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "LedgerEntry_workspaceId_seq_idx" ON "LedgerEntry"("workspaceId", "seq");
