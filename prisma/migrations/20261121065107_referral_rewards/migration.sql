-- AlterTable
ALTER TABLE "User" ADD COLUMN     "referralRewardedAt" TIMESTAMP(3);
