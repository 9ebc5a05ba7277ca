-- DropIndex
DROP INDEX "UsageEvent_apiKeyId_createdAt_idx";
