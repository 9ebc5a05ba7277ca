-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "lineItems" JSONB;
