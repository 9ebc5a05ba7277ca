-- AlterTable
ALTER TABLE "Workspace" ALTER COLUMN "accountType" SET DEFAULT 'subscription',
ALTER COLUMN "overageEnabled" SET DEFAULT true;

-- Workspaces that never chose pay as you go draw their plan's daily quota, the free plan's too:
-- sign-ups and teams become quota workspaces; a workspace the management API created keeps the
-- account type it was given.
UPDATE "Workspace" w SET "accountType" = 'subscription'
 WHERE w."accountType" = 'payg'
   AND NOT EXISTS (SELECT 1 FROM "AuditLog" a WHERE a.action = 'workspace.create' AND a."targetId" = w.id);

-- Overage to credits is on unless the owner turned it off themselves.
UPDATE "Workspace" w SET "overageEnabled" = true
 WHERE NOT w."overageEnabled"
   AND NOT EXISTS (SELECT 1 FROM "AuditLog" a WHERE a.action = 'workspace.overage' AND a."targetId" = w.id);

-- The free plan, like every plan, carries on past its daily quota on credits.
INSERT INTO "TierFeature" ("tierId", "featureId")
SELECT t.id, f.id FROM "Tier" t, "Feature" f
 WHERE t.code = 'free' AND f.key = 'overage_to_credits'
ON CONFLICT DO NOTHING;
