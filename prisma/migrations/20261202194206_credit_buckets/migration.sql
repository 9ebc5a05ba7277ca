-- CreateEnum
CREATE TYPE "CreditSource" AS ENUM ('included', 'rollover', 'promotional', 'adjustment', 'purchase');

-- AlterTable
ALTER TABLE "Reservation" ADD COLUMN     "draws" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "creditsExpireAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CreditBucket" (
    "id" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "source" "CreditSource" NOT NULL,
    "priority" INTEGER NOT NULL,
    "grantedMillicredits" BIGINT NOT NULL,
    "remainingMillicredits" BIGINT NOT NULL,
    "expiredMillicredits" BIGINT NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3),
    "ledgerKind" "LedgerKind" NOT NULL,
    "reference" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditBucket_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CreditBucket_workspaceId_priority_expiresAt_seq_idx" ON "CreditBucket"("workspaceId", "priority", "expiresAt", "seq");

-- CreateIndex
CREATE INDEX "CreditBucket_expiresAt_idx" ON "CreditBucket"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "CreditBucket_workspaceId_ledgerKind_reference_key" ON "CreditBucket"("workspaceId", "ledgerKind", "reference");

-- AddForeignKey
ALTER TABLE "CreditBucket" ADD CONSTRAINT "CreditBucket_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Functions from prisma/sql (written by npm run db:migration; edit those files, not this one).

DROP FUNCTION IF EXISTS tollgate_ledger_entry(text,text,"LedgerKind",bigint,bigint,text);

DROP FUNCTION IF EXISTS tollgate_debit(text,text,text,date,bigint,bigint,bigint);

-- Every movement of credits that is not a metered call (purchases, grants, coupons, referrals,
-- admin adjustments, refund claw-backs), with its ledger entry, in one statement.
-- A positive p_amount is a new bucket (p_source, p_priority, p_expires_at). A negative one is taken
-- first from the bucket granted by (p_from_kind, p_from_reference) when given (a refund claws back
-- what it bought), then in drawing order; due buckets expire first. The balance never goes below
-- zero: a debit it cannot cover changes nothing and returns NULL. Returns the balance after.
-- A repeated (workspace, kind, reference) fails on the ledger's unique index; the caller reads that
-- as "already applied".
create or replace function tollgate_change_balance(
  p_id text, p_workspace_id text, p_kind "LedgerKind", p_amount bigint, p_reference text,
  p_reason text DEFAULT NULL, p_actor_id text DEFAULT NULL,
  p_source "CreditSource" DEFAULT NULL, p_priority int DEFAULT NULL, p_expires_at timestamp DEFAULT NULL,
  p_from_kind "LedgerKind" DEFAULT NULL, p_from_reference text DEFAULT NULL
) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_balance bigint;
  v_left bigint := -p_amount;
  v_take bigint;
  v_bucket text;
BEGIN
  IF p_amount >= 0 THEN
    UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" + p_amount,
      "creditsExpireAt" = CASE WHEN p_expires_at IS NULL OR p_amount = 0 THEN w."creditsExpireAt"
                               ELSE least(coalesce(w."creditsExpireAt", p_expires_at), p_expires_at) END
      WHERE w.id = p_workspace_id RETURNING w."balanceMillicredits" INTO v_balance;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
    INSERT INTO "CreditBucket" ("id", "workspaceId", "source", "priority", "grantedMillicredits", "remainingMillicredits",
      "expiresAt", "ledgerKind", "reference", "createdAt")
    VALUES ('cb_' || p_id, p_workspace_id, p_source, p_priority, p_amount, p_amount, p_expires_at, p_kind, p_reference,
      timezone('UTC', now()));
  ELSE
    IF EXISTS (SELECT 1 FROM "Workspace" w WHERE w.id = p_workspace_id AND w."creditsExpireAt" <= timezone('UTC', now())) THEN
      PERFORM tollgate_expire_credits(p_workspace_id);
    END IF;
    UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" + p_amount
      WHERE w.id = p_workspace_id AND w."balanceMillicredits" + p_amount >= 0
      RETURNING w."balanceMillicredits" INTO v_balance;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
    IF p_from_reference IS NOT NULL THEN
      SELECT c.id, least(c."remainingMillicredits", v_left) INTO v_bucket, v_take FROM "CreditBucket" c
        WHERE c."workspaceId" = p_workspace_id AND c."ledgerKind" = p_from_kind AND c.reference = p_from_reference
        FOR UPDATE;
      IF FOUND AND v_take > 0 THEN
        UPDATE "CreditBucket" c SET "remainingMillicredits" = c."remainingMillicredits" - v_take WHERE c.id = v_bucket;
        v_left := v_left - v_take;
      END IF;
    END IF;
    PERFORM tollgate_draw_credits(p_workspace_id, v_left);
  END IF;
  PERFORM tollgate_ledger_entry(p_id, p_workspace_id, p_kind, p_amount, v_balance, p_reference, p_reason, p_actor_id);
  RETURN v_balance;
END;
$$;

-- Settles a hold with the real cost: the hold comes back to the buckets it was drawn from, the
-- actual charge goes out of the buckets in drawing order, and the usage event is written. A cost above the hold is charged as far as the balance allows (the rest
-- is recorded as uncollected on the event), since the work has already been done — and, for the
-- same reason, counted against the caps even past them. The spend counters move before the
-- workspace row is locked (the lock order of every charge), then shed what was not collected.
-- Outcomes: 'ok', 'not_found', 'expired' (released now), 'already_<status>'.
create or replace function tollgate_commit_reservation(
  p_id text, p_workspace_id text, p_event_id text,
  p_quantity bigint, p_input_tokens bigint, p_output_tokens bigint,
  p_charge bigint, p_markup_bps int, p_price_version int, p_provider_cost bigint, p_metadata jsonb
) RETURNS TABLE(outcome text, held bigint, charged bigint, balance bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_res "Reservation"%ROWTYPE;
  v_balance bigint;
  v_charge bigint;
BEGIN
  SELECT * INTO v_res FROM "Reservation" r WHERE r.id = p_id AND r."workspaceId" = p_workspace_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'not_found'::text, NULL::bigint, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  IF v_res.status <> 'held' THEN
    RETURN QUERY SELECT ('already_' || v_res.status::text), v_res."heldMillicredits", NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  IF v_res."expiresAt" <= timezone('UTC', now()) THEN
    PERFORM tollgate_release_reservation(p_id, p_workspace_id, 'expired');
    RETURN QUERY SELECT 'expired'::text, v_res."heldMillicredits", NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  PERFORM tollgate_adjust_reservation_spend(v_res, p_charge - v_res."heldMillicredits");
  SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id FOR UPDATE;
  IF EXISTS (SELECT 1 FROM "Workspace" w WHERE w.id = p_workspace_id AND w."creditsExpireAt" <= timezone('UTC', now())) THEN
    v_balance := tollgate_expire_credits(p_workspace_id);
  END IF;
  v_charge := least(p_charge, v_balance + v_res."heldMillicredits");
  IF v_charge < p_charge THEN
    PERFORM tollgate_adjust_reservation_spend(v_res, v_charge - p_charge);
  END IF;
  v_balance := v_balance + v_res."heldMillicredits";
  PERFORM tollgate_ledger_entry('le_release_' || p_id, p_workspace_id, 'reservation_release', v_res."heldMillicredits", v_balance, 'release:' || p_id);
  v_balance := v_balance - v_charge;
  UPDATE "Workspace" w SET "balanceMillicredits" = v_balance WHERE w.id = p_workspace_id;
  PERFORM tollgate_return_credits(p_workspace_id, v_res.draws);
  PERFORM tollgate_draw_credits(p_workspace_id, v_charge);
  INSERT INTO "UsageEvent" ("id", "workspaceId", "apiKeyId", "modelId", "modelKey", "quantity", "inputTokens", "outputTokens",
    "billedTo", "markupBps", "priceVersion", "providerCostMicros", "chargedMillicredits", "quotaUnits",
    "balanceAfterMillicredits", "reservationId", "metadata", "createdAt")
  VALUES (p_event_id, p_workspace_id, v_res."apiKeyId", v_res."modelId", v_res."modelKey", p_quantity, p_input_tokens, p_output_tokens,
    'credits', p_markup_bps, p_price_version, p_provider_cost, v_charge, 0, v_balance, p_id,
    CASE WHEN v_charge < p_charge THEN coalesce(p_metadata, '{}'::jsonb) || jsonb_build_object('uncollectedMillicredits', p_charge - v_charge) ELSE p_metadata END,
    timezone('UTC', now()));
  IF v_charge > 0 THEN
    PERFORM tollgate_ledger_entry('le_' || p_event_id, p_workspace_id, 'usage', -v_charge, v_balance, 'usage:' || p_event_id);
  END IF;
  UPDATE "Reservation" r SET "status" = 'committed', "usageEventId" = p_event_id, "settledAt" = timezone('UTC', now()) WHERE r.id = p_id;
  RETURN QUERY SELECT 'ok'::text, v_res."heldMillicredits", v_charge, v_balance;
END;
$$;

-- Takes p_amount from a workspace's balance for a call with key p_api_key_id by member p_member_id:
-- counts it against the key's and the member's monthly spend (tollgate_count_spend), then takes it
-- from the balance, which never goes below zero, and from the credit buckets in drawing order
-- (tollgate_draw_credits). Buckets whose time has come expire first. A refusal — the cap's
-- outcome, or 'insufficient_credits' — gives back what was counted. Returns the outcome ('ok' or
-- the refusal), the balance after (unchanged on a refusal) and the draws. The caller writes the
-- ledger entry.
create or replace function tollgate_debit(
  p_workspace_id text, p_api_key_id text, p_member_id text, p_month date,
  p_amount bigint, p_cap bigint, p_member_cap bigint,
  OUT outcome text, OUT balance bigint, OUT draws jsonb
)
LANGUAGE plpgsql AS $$
BEGIN
  outcome := tollgate_count_spend(p_workspace_id, p_api_key_id, p_member_id, p_month, p_amount, p_cap, p_member_cap);
  IF outcome IS NULL THEN
    UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" - p_amount
      WHERE w.id = p_workspace_id AND w."balanceMillicredits" >= p_amount
        AND (w."creditsExpireAt" IS NULL OR w."creditsExpireAt" > timezone('UTC', now()))
      RETURNING w."balanceMillicredits" INTO balance;
    IF NOT FOUND THEN
      -- Too little, or buckets due to expire. Another call may have expired them since the
      -- statement above (then the check below finds nothing due), so the retry runs either way.
      IF EXISTS (SELECT 1 FROM "Workspace" w
                  WHERE w.id = p_workspace_id AND w."creditsExpireAt" <= timezone('UTC', now())) THEN
        PERFORM tollgate_expire_credits(p_workspace_id);
      END IF;
      UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" - p_amount
        WHERE w.id = p_workspace_id AND w."balanceMillicredits" >= p_amount
        RETURNING w."balanceMillicredits" INTO balance;
    END IF;
    IF FOUND THEN
      draws := tollgate_draw_credits(p_workspace_id, p_amount);
      outcome := 'ok';
      RETURN;
    END IF;
    PERFORM tollgate_uncount_spend(p_workspace_id, p_api_key_id, p_member_id, p_month, p_amount, p_cap);
    outcome := 'insufficient_credits';
  END IF;
  SELECT w."balanceMillicredits" INTO balance FROM "Workspace" w WHERE w.id = p_workspace_id;
END;
$$;

-- Takes p_amount from a workspace's credit buckets: by priority, then soonest expiry, then oldest.
-- The caller has already taken it from "Workspace"."balanceMillicredits" (which holds the row lock
-- and keeps the balance at or above zero), so the buckets always cover it; if they do not, the
-- ledger's invariant is broken and the whole statement fails rather than go on.
-- Returns the draws, [[bucketId, millicredits], ...], for a hold to give back on release.
create or replace function tollgate_draw_credits(p_workspace_id text, p_amount bigint) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_left bigint := p_amount;
  v_take bigint;
  v_draws jsonb := '[]'::jsonb;
  b record;
BEGIN
  IF p_amount <= 0 THEN
    RETURN v_draws;
  END IF;
  -- Most calls fit in the first bucket: one statement.
  UPDATE "CreditBucket" c SET "remainingMillicredits" = c."remainingMillicredits" - p_amount
    WHERE c.id = (SELECT f.id FROM "CreditBucket" f
                   WHERE f."workspaceId" = p_workspace_id AND f."remainingMillicredits" > 0
                   ORDER BY f.priority, f."expiresAt" NULLS LAST, f.seq LIMIT 1)
      AND c."remainingMillicredits" >= p_amount
    RETURNING jsonb_build_array(jsonb_build_array(c.id, p_amount)) INTO v_draws;
  IF FOUND THEN
    RETURN v_draws;
  END IF;
  v_draws := '[]'::jsonb;
  FOR b IN
    SELECT c.id, c."remainingMillicredits" AS remaining FROM "CreditBucket" c
     WHERE c."workspaceId" = p_workspace_id AND c."remainingMillicredits" > 0
     ORDER BY c.priority, c."expiresAt" NULLS LAST, c.seq
       FOR UPDATE
  LOOP
    v_take := least(b.remaining, v_left);
    UPDATE "CreditBucket" c SET "remainingMillicredits" = c."remainingMillicredits" - v_take WHERE c.id = b.id;
    v_draws := v_draws || jsonb_build_array(jsonb_build_array(b.id, v_take));
    v_left := v_left - v_take;
    EXIT WHEN v_left = 0;
  END LOOP;
  IF v_left > 0 THEN
    RAISE EXCEPTION 'credit buckets of workspace % hold % millicredits less than its balance', p_workspace_id, v_left;
  END IF;
  RETURN v_draws;
END;
$$;

-- Expires a workspace's credit buckets whose time has come: each one's remainder leaves the
-- balance with an `expiry` ledger entry. Then records when the next bucket with credits left
-- expires ("Workspace"."creditsExpireAt"), so a charge knows without looking whether it must
-- come here first. Locks the workspace row before its buckets, as every charge does.
-- p_at: the moment to expire as of (default now; a month's first grant passes the month's start).
-- Returns the balance after.
create or replace function tollgate_expire_credits(p_workspace_id text, p_at timestamp DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp := coalesce(p_at, timezone('UTC', now()));
  v_balance bigint;
  b record;
BEGIN
  SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id FOR UPDATE;
  FOR b IN
    SELECT c.id, c."remainingMillicredits" AS remaining FROM "CreditBucket" c
     WHERE c."workspaceId" = p_workspace_id AND c."remainingMillicredits" > 0 AND c."expiresAt" <= v_now
     ORDER BY c."expiresAt", c.id
       FOR UPDATE
  LOOP
    UPDATE "CreditBucket" c SET "remainingMillicredits" = 0, "expiredMillicredits" = c."expiredMillicredits" + b.remaining
      WHERE c.id = b.id;
    v_balance := v_balance - b.remaining;
    -- A bucket can expire twice (a released hold gives credits back to it after it expired).
    PERFORM tollgate_ledger_entry('le_' || replace(gen_random_uuid()::text, '-', ''), p_workspace_id, 'expiry',
      -b.remaining, v_balance, 'expiry:' || b.id || ':' || (extract(epoch from v_now) * 1000)::bigint);
  END LOOP;
  UPDATE "Workspace" w SET "balanceMillicredits" = v_balance,
    "creditsExpireAt" = (SELECT min(c."expiresAt") FROM "CreditBucket" c
                          WHERE c."workspaceId" = p_workspace_id AND c."remainingMillicredits" > 0)
    WHERE w.id = p_workspace_id;
  RETURN v_balance;
END;
$$;

-- Holds a call's estimate (a reservation, for calls whose cost is known only afterwards): counts it
-- against the key's and the member's monthly caps and takes it from the balance (tollgate_debit),
-- then writes the reservation (with the buckets it drew from) and its ledger entry. Outcomes: 'ok', 'spend_cap_reached',
-- 'member_spend_cap_reached', 'insufficient_credits'; the balance comes back with each.
create or replace function tollgate_hold(
  p_id text, p_workspace_id text, p_api_key_id text, p_model_id text, p_model_key text, p_amount bigint, p_expires_at timestamp,
  p_cap bigint DEFAULT NULL, p_member_id text DEFAULT NULL, p_member_cap bigint DEFAULT NULL
) RETURNS TABLE(outcome text, balance bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_outcome text;
  v_balance bigint;
  v_draws jsonb;
BEGIN
  SELECT d.outcome, d.balance, d.draws INTO v_outcome, v_balance, v_draws
    FROM tollgate_debit(p_workspace_id, p_api_key_id, p_member_id, date_trunc('month', timezone('UTC', now()))::date,
                        p_amount, p_cap, p_member_cap) d;
  IF v_outcome <> 'ok' THEN
    RETURN QUERY SELECT v_outcome, v_balance;
    RETURN;
  END IF;
  INSERT INTO "Reservation" ("id", "workspaceId", "apiKeyId", "modelId", "modelKey", "heldMillicredits", "status", "expiresAt", "draws", "createdAt")
  VALUES (p_id, p_workspace_id, p_api_key_id, p_model_id, p_model_key, p_amount, 'held', p_expires_at, v_draws, timezone('UTC', now()));
  PERFORM tollgate_ledger_entry('le_hold_' || p_id, p_workspace_id, 'reservation_hold', -p_amount, v_balance, 'hold:' || p_id);
  RETURN QUERY SELECT 'ok'::text, v_balance;
END;
$$;

-- One line of a workspace's ledger, written at the moment it happens (UTC). The ledger is the
-- balance's history: every function that moves "Workspace"."balanceMillicredits" writes one.
-- The id and reference name what moved it (usage:evt_…, hold:res_…, release:res_…); the unique
-- (workspace, kind, reference) keeps any of them from being written twice.
create or replace function tollgate_ledger_entry(
  p_id text, p_workspace_id text, p_kind "LedgerKind", p_amount bigint, p_balance_after bigint, p_reference text,
  p_reason text DEFAULT NULL, p_actor_id text DEFAULT NULL
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LedgerEntry" ("id", "workspaceId", "kind", "amountMillicredits", "balanceAfterMillicredits", "reference", "reason", "actorId", "createdAt")
  VALUES (p_id, p_workspace_id, p_kind, p_amount, p_balance_after, p_reference, p_reason, p_actor_id, timezone('UTC', now()));
END;
$$;

-- Gives a held reservation's credits back to the buckets they came from (released by the app, or
-- expired with p_status 'expired'), and the spend it counted against the caps. p_workspace_id NULL: any workspace (the
-- expiry sweep). Outcomes: 'ok', 'not_found', 'already_<status>'.
create or replace function tollgate_release_reservation(p_id text, p_workspace_id text, p_status text)
RETURNS TABLE(outcome text, released bigint, balance bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_res "Reservation"%ROWTYPE;
  v_balance bigint;
BEGIN
  SELECT * INTO v_res FROM "Reservation" r WHERE r.id = p_id AND (p_workspace_id IS NULL OR r."workspaceId" = p_workspace_id) FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'not_found'::text, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  IF v_res.status <> 'held' THEN
    RETURN QUERY SELECT ('already_' || v_res.status::text), NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  PERFORM tollgate_adjust_reservation_spend(v_res, -v_res."heldMillicredits");
  UPDATE "Workspace" w SET "balanceMillicredits" = w."balanceMillicredits" + v_res."heldMillicredits"
    WHERE w.id = v_res."workspaceId" RETURNING w."balanceMillicredits" INTO v_balance;
  PERFORM tollgate_return_credits(v_res."workspaceId", v_res.draws);
  PERFORM tollgate_ledger_entry('le_release_' || v_res.id, v_res."workspaceId", 'reservation_release', v_res."heldMillicredits", v_balance, 'release:' || v_res.id);
  UPDATE "Reservation" r SET "status" = p_status::"ReservationStatus", "settledAt" = timezone('UTC', now()) WHERE r.id = v_res.id;
  RETURN QUERY SELECT 'ok'::text, v_res."heldMillicredits", v_balance;
END;
$$;

-- Gives draws back to the buckets they came from (a released or settled hold): p_draws as
-- tollgate_draw_credits returned them. A bucket that expired in the meantime gets them too, and
-- the workspace's creditsExpireAt moves back so the next charge expires them first. The caller
-- moves "Workspace"."balanceMillicredits" (and holds its row lock).
create or replace function tollgate_return_credits(p_workspace_id text, p_draws jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_expires timestamp;
  d jsonb;
BEGIN
  FOR d IN SELECT * FROM jsonb_array_elements(p_draws) LOOP
    v_expires := NULL;
    UPDATE "CreditBucket" c SET "remainingMillicredits" = c."remainingMillicredits" + (d->>1)::bigint
      WHERE c.id = d->>0 AND c."workspaceId" = p_workspace_id
      RETURNING c."expiresAt" INTO v_expires;
    IF v_expires IS NOT NULL THEN
      UPDATE "Workspace" w SET "creditsExpireAt" = least(coalesce(w."creditsExpireAt", v_expires), v_expires)
        WHERE w.id = p_workspace_id;
    END IF;
  END LOOP;
END;
$$;

-- A bucket never holds less than nothing (the balance's CHECK, per bucket).
ALTER TABLE "CreditBucket" ADD CONSTRAINT "CreditBucket_remaining_nonnegative" CHECK ("remainingMillicredits" >= 0);

-- Balances from before buckets become one bucket per workspace that never expires (what the
-- credits were bought or granted as is not recorded bucket by bucket). Credits held by open
-- reservations were drawn from it: their draws point there, so a release gives them back to it.
INSERT INTO "CreditBucket" ("id", "workspaceId", "source", "priority", "grantedMillicredits", "remainingMillicredits",
  "expiresAt", "ledgerKind", "reference", "createdAt")
SELECT 'cb_opening_' || w.id, w.id, 'adjustment', 30,
       w."balanceMillicredits" + coalesce(h.held, 0), w."balanceMillicredits", NULL, 'admin_adjustment', 'opening-balance',
       timezone('UTC', now())
  FROM "Workspace" w
  LEFT JOIN (SELECT r."workspaceId", sum(r."heldMillicredits")::bigint AS held FROM "Reservation" r
              WHERE r.status = 'held' GROUP BY r."workspaceId") h ON h."workspaceId" = w.id
 WHERE w."balanceMillicredits" > 0 OR coalesce(h.held, 0) > 0;
UPDATE "Reservation" r SET "draws" = jsonb_build_array(jsonb_build_array('cb_opening_' || r."workspaceId", r."heldMillicredits"))
 WHERE r.status = 'held' AND r."heldMillicredits" > 0;
