-- CreateEnum
CREATE TYPE "CouponDuration" AS ENUM ('once', 'repeating', 'forever');

-- DropIndex
DROP INDEX "Tier_rank_idx";

-- AlterTable
ALTER TABLE "Coupon" ADD COLUMN     "duration" "CouponDuration" NOT NULL DEFAULT 'once',
ADD COLUMN     "durationMonths" INTEGER,
ADD COLUMN     "startsAt" TIMESTAMP(3),
ADD COLUMN     "tierIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "couponEndsAt" TIMESTAMP(3),
ADD COLUMN     "couponId" TEXT;

-- Ranks become unique (rank decides upgrade vs downgrade). Tiers that shared a rank keep their
-- order: the older one keeps it, later ones move above every existing rank.
UPDATE "Tier" t SET rank = d.newrank
FROM (
  SELECT id, (SELECT max(rank) FROM "Tier") + row_number() OVER (ORDER BY rank, "createdAt") AS newrank
  FROM (SELECT id, rank, "createdAt", row_number() OVER (PARTITION BY rank ORDER BY "createdAt") AS rn FROM "Tier") x
  WHERE rn > 1
) d
WHERE t.id = d.id;

-- CreateIndex
CREATE UNIQUE INDEX "Tier_rank_key" ON "Tier"("rank");
