-- AlterTable
ALTER TABLE "UsageEvent" ADD COLUMN     "responseBody" TEXT;
