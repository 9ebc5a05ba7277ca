-- UsageEvent and LedgerEntry become tables partitioned by the UTC month of "createdAt" (SPEC §7),
-- written by hand: schema.prisma cannot say PARTITION BY, and Prisma's schema engine reads a
-- partitioned table as the model and ignores its partitions. Each gets a DEFAULT partition (so an
-- insert never fails) and one partition per month from its oldest row to three months ahead; the
-- partition-months job (lib/db/partitions.ts) keeps creating them ahead.
-- A primary key or unique index of a partitioned table must include the partition key, so the keys
-- become ("id", "createdAt") and the two unique rules that must hold across months move to tables
-- of their own: "UsageIdempotency" (a workspace's Idempotency-Keys) and "LedgerReference" (the
-- (workspace, kind, reference) of every ledger entry but usage ones).

-- Functions from prisma/sql (written by npm run db:migration; edit those files, not this one).

-- One call's charge: idempotency, daily quota (or overage to credits), key and member spend caps,
-- wallet debit, usage event and ledger entry, all in one statement. Row locks last only as long as
-- this function runs, and no round trip to the application happens while they are held.
-- Outcomes: 'ok', 'replay' (an Idempotency-Key seen before with this body), 'idempotency_conflict'
-- (seen with another body), 'quota_exceeded', 'spend_cap_reached' (the key's cap),
-- 'member_spend_cap_reached' (the member's), 'insufficient_credits'.
-- p_rules (NULL when no dynamic pricing rule applies) names the rules in force, stamped on the event:
-- {timeRuleId, timeRuleVersion} (p_charge already carries its multiplier), and {volumeRuleId,
-- volumeRuleVersion, volumeUnits, steps}: the call's units are counted into the month-to-date usage
-- (tollgate_count_volume) and the charge is priced by the steps (tollgate_volume_price). A batch
-- passes {lockVolume: true} to its first call when a later one has a volume rule (lock order).
-- The application calls it with named arguments (lib/metering/sql.ts), so their order is free.
create or replace function tollgate_charge_usage(
  p_event_id text, p_workspace_id text, p_api_key_id text, p_model_id text, p_model_key text,
  p_quantity bigint, p_input_tokens bigint, p_output_tokens bigint,
  p_mode text, p_charge bigint, p_markup_bps int, p_price_version int, p_provider_cost bigint,
  p_quota_units int, p_quota_limit int, p_day date, p_overage boolean,
  p_cap bigint, p_month date,
  p_idempotency_key text, p_request_hash text, p_metadata jsonb,
  p_member_id text DEFAULT NULL, p_member_cap bigint DEFAULT NULL, p_rules jsonb DEFAULT NULL
) RETURNS TABLE(outcome text, event_id text, billed_to text, charged bigint, balance bigint, quota_used int)
LANGUAGE plpgsql AS $$
DECLARE
  v_existing "UsageEvent"%ROWTYPE;
  v_outcome text;
  v_balance bigint;
  v_used int;
  v_billed text := p_mode;
  v_charge bigint := 0;
  v_units int := 0;
  v_price bigint := p_charge;
  v_volume bigint := 0;
BEGIN
  IF p_idempotency_key IS NOT NULL THEN
    -- Concurrent requests with one key queue here: the first charges, the rest replay it.
    PERFORM pg_advisory_xact_lock(hashtextextended(p_workspace_id || ':' || p_idempotency_key, 0));
    -- The key's row names its event's month, so the replay reads one partition.
    SELECT e.* INTO v_existing FROM "UsageIdempotency" i
      JOIN "UsageEvent" e ON e.id = i."eventId" AND e."createdAt" = i."createdAt"
     WHERE i."workspaceId" = p_workspace_id AND i."idempotencyKey" = p_idempotency_key;
    IF FOUND THEN
      IF v_existing."requestHash" IS DISTINCT FROM p_request_hash THEN
        RETURN QUERY SELECT 'idempotency_conflict'::text, v_existing.id, NULL::text, NULL::bigint, NULL::bigint, NULL::int;
      ELSE
        RETURN QUERY SELECT 'replay'::text, v_existing.id, v_existing."billedTo"::text, v_existing."chargedMillicredits", v_existing."balanceAfterMillicredits", v_existing."quotaUsedAfter";
      END IF;
      RETURN;
    END IF;
  END IF;

  IF p_rules IS NOT NULL THEN
    IF p_rules ? 'steps' THEN
      v_volume := (p_rules->>'volumeUnits')::bigint;
      v_price := tollgate_volume_price(p_charge, tollgate_count_volume(p_workspace_id, p_month, p_model_id, v_volume), v_volume, p_rules->'steps');
    ELSIF p_rules ? 'lockVolume' THEN
      PERFORM tollgate_count_volume(p_workspace_id, p_month, NULL, 0);
    END IF;
  END IF;

  IF p_mode = 'quota' THEN
    INSERT INTO "QuotaCounter" AS q ("workspaceId", "day", "used")
      SELECT p_workspace_id, p_day, p_quota_units WHERE p_quota_units <= p_quota_limit
    ON CONFLICT ("workspaceId", "day") DO UPDATE SET "used" = q."used" + EXCLUDED."used"
      WHERE q."used" + EXCLUDED."used" <= p_quota_limit
    RETURNING q."used" INTO v_used;
    IF FOUND THEN
      v_units := p_quota_units;
    ELSE
      SELECT c."used" INTO v_used FROM "QuotaCounter" c WHERE c."workspaceId" = p_workspace_id AND c."day" = p_day;
      v_used := coalesce(v_used, 0);
      IF NOT p_overage THEN
        IF v_volume <> 0 THEN
          PERFORM tollgate_uncount_volume(p_workspace_id, p_month, p_model_id, v_volume);
        END IF;
        RETURN QUERY SELECT 'quota_exceeded'::text, NULL::text, NULL::text, NULL::bigint, NULL::bigint, v_used;
        RETURN;
      END IF;
      v_billed := 'credits';
    END IF;
  END IF;

  IF v_billed = 'credits' AND v_price > 0 THEN
    SELECT d.outcome, d.balance INTO v_outcome, v_balance
      FROM tollgate_debit(p_workspace_id, p_api_key_id, p_member_id, p_month, v_price, p_cap, p_member_cap) d;
    IF v_outcome <> 'ok' THEN
      IF v_volume <> 0 THEN
        PERFORM tollgate_uncount_volume(p_workspace_id, p_month, p_model_id, v_volume);
      END IF;
      -- charged: what the call would have cost (the refusal's "needed").
      RETURN QUERY SELECT v_outcome, NULL::text, NULL::text, v_price, v_balance, v_used;
      RETURN;
    END IF;
    v_charge := v_price;
  ELSE
    SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id;
  END IF;

  INSERT INTO "UsageEvent" ("id", "workspaceId", "apiKeyId", "modelId", "modelKey", "quantity", "inputTokens", "outputTokens",
    "billedTo", "markupBps", "priceVersion", "providerCostMicros", "chargedMillicredits", "quotaUnits",
    "balanceAfterMillicredits", "quotaUsedAfter", "quotaLimit", "idempotencyKey", "requestHash", "metadata", "createdAt",
    "timeRuleId", "timeRuleVersion", "volumeRuleId", "volumeRuleVersion")
  VALUES (p_event_id, p_workspace_id, p_api_key_id, p_model_id, p_model_key, p_quantity, p_input_tokens, p_output_tokens,
    v_billed::"BilledTo", CASE WHEN v_billed = 'credits' THEN p_markup_bps ELSE 0 END, p_price_version, p_provider_cost, v_charge, v_units,
    v_balance, v_used, p_quota_limit, p_idempotency_key, p_request_hash, p_metadata, timezone('UTC', now()),
    p_rules->>'timeRuleId', (p_rules->>'timeRuleVersion')::int, p_rules->>'volumeRuleId', (p_rules->>'volumeRuleVersion')::int);
  IF p_idempotency_key IS NOT NULL THEN
    -- A key row already there names an event no longer kept (its month detached): the key is new again.
    INSERT INTO "UsageIdempotency" ("workspaceId", "idempotencyKey", "eventId", "createdAt")
    VALUES (p_workspace_id, p_idempotency_key, p_event_id, timezone('UTC', now()))
    ON CONFLICT ("workspaceId", "idempotencyKey") DO UPDATE SET "eventId" = EXCLUDED."eventId", "createdAt" = EXCLUDED."createdAt";
  END IF;
  IF v_charge > 0 THEN
    PERFORM tollgate_ledger_entry('le_' || p_event_id, p_workspace_id, 'usage', -v_charge, v_balance, 'usage:' || p_event_id);
  END IF;
  RETURN QUERY SELECT 'ok'::text, p_event_id, v_billed, v_charge, v_balance, v_used;
END;
$$;

-- A batch of one caller's calls, in order: the same outcomes, rows and end state as calling
-- tollgate_charge_usage once per call (row i of the arrays is call i; the rest is shared), in one
-- pass over the whole batch when every call is certain to succeed:
--   * no volume rule (a time rule's stamps are fine: its multiplier is already in p_charge),
--   * idempotency keys, if any, all different and none seen before (their locks are taken first,
--     in order, as the per-call path takes them),
--   * quota calls and credit calls not mixed, the quota calls' units fit today's quota together,
--   * the credit calls' total passes the spend caps and the balance (tollgate_debit, once).
-- Then the counter moves once, the balance once (and the buckets draw the total, which is what
-- drawing each call's amount in turn takes), and the events, their keys' "UsageIdempotency" rows
-- and the ledger entries are multi-row inserts with each call's running balance and quota use.
-- Otherwise nothing has moved (a refused debit gives back what it counted) and the calls run one
-- by one through tollgate_charge_usage, where a refusal is per call.
create or replace function tollgate_charge_usage_batch(
  p_event_id text[], p_model_id text[], p_model_key text[],
  p_quantity bigint[], p_input_tokens bigint[], p_output_tokens bigint[],
  p_mode text[], p_charge bigint[], p_markup_bps int[], p_price_version int[], p_provider_cost bigint[],
  p_quota_units int[], p_idempotency_key text[], p_request_hash text[], p_metadata jsonb[], p_rules jsonb[],
  p_workspace_id text, p_api_key_id text, p_quota_limit int, p_day date, p_overage boolean,
  p_cap bigint, p_month date, p_member_id text, p_member_cap bigint
) RETURNS TABLE(ord bigint, outcome text, event_id text, billed_to text, charged bigint, balance bigint, quota_used int)
LANGUAGE plpgsql AS $$
DECLARE
  v_n int := cardinality(p_event_id);
  v_credits bigint;
  v_units bigint;
  v_has_quota boolean;
  v_has_credits boolean;
  v_keys int;
  v_distinct_keys int;
  v_fast boolean;
  v_debit text;
  v_balance bigint;
  v_used int;
BEGIN
  SELECT coalesce(sum(x.c) FILTER (WHERE x.m = 'credits'), 0),
         coalesce(sum(x.u) FILTER (WHERE x.m = 'quota'), 0),
         coalesce(bool_or(x.m = 'quota'), false),
         coalesce(bool_or(x.m = 'credits' AND x.c > 0), false),
         count(x.k), count(DISTINCT x.k),
         coalesce(bool_and(x.r IS NULL OR NOT (x.r ? 'steps' OR x.r ? 'lockVolume')), true)
    INTO v_credits, v_units, v_has_quota, v_has_credits, v_keys, v_distinct_keys, v_fast
    FROM unnest(p_mode, p_charge, p_quota_units, p_idempotency_key, p_rules) AS x(m, c, u, k, r);
  v_fast := v_fast AND v_n > 0 AND v_keys = v_distinct_keys AND NOT (v_has_quota AND v_has_credits)
    AND (NOT v_has_quota OR v_units <= p_quota_limit);

  IF v_fast AND v_keys > 0 THEN
    FOR i IN 1..v_n LOOP
      IF p_idempotency_key[i] IS NOT NULL THEN
        PERFORM pg_advisory_xact_lock(hashtextextended(p_workspace_id || ':' || p_idempotency_key[i], 0));
      END IF;
    END LOOP;
    v_fast := NOT EXISTS (SELECT 1 FROM "UsageIdempotency" i
                           WHERE i."workspaceId" = p_workspace_id AND i."idempotencyKey" = ANY (p_idempotency_key));
  END IF;

  IF v_fast AND v_has_quota THEN
    INSERT INTO "QuotaCounter" AS q ("workspaceId", "day", "used")
      VALUES (p_workspace_id, p_day, v_units::int)
    ON CONFLICT ("workspaceId", "day") DO UPDATE SET "used" = q."used" + EXCLUDED."used"
      WHERE q."used" + EXCLUDED."used" <= p_quota_limit
    RETURNING q."used" INTO v_used;
    v_fast := FOUND;
  END IF;

  IF v_fast AND v_has_credits THEN
    SELECT d.outcome, d.balance INTO v_debit, v_balance
      FROM tollgate_debit(p_workspace_id, p_api_key_id, p_member_id, p_month, v_credits, p_cap, p_member_cap) d;
    v_fast := v_debit = 'ok';
  ELSIF v_fast THEN
    SELECT w."balanceMillicredits" INTO v_balance FROM "Workspace" w WHERE w.id = p_workspace_id;
  END IF;

  IF NOT v_fast THEN
    FOR i IN 1..v_n LOOP
      RETURN QUERY SELECT i::bigint, r.* FROM tollgate_charge_usage(
        p_event_id => p_event_id[i], p_workspace_id => p_workspace_id, p_api_key_id => p_api_key_id,
        p_model_id => p_model_id[i], p_model_key => p_model_key[i], p_quantity => p_quantity[i],
        p_input_tokens => p_input_tokens[i], p_output_tokens => p_output_tokens[i], p_mode => p_mode[i],
        p_charge => p_charge[i], p_markup_bps => p_markup_bps[i], p_price_version => p_price_version[i],
        p_provider_cost => p_provider_cost[i], p_quota_units => p_quota_units[i], p_quota_limit => p_quota_limit,
        p_day => p_day, p_overage => p_overage, p_cap => p_cap, p_month => p_month,
        p_idempotency_key => p_idempotency_key[i], p_request_hash => p_request_hash[i],
        p_metadata => p_metadata[i], p_rules => p_rules[i], p_member_id => p_member_id,
        p_member_cap => p_member_cap) r;
    END LOOP;
    RETURN;
  END IF;

  -- Every call succeeds: what each one charged, and the balance and quota use after it.
  RETURN QUERY
  WITH item AS (
    SELECT x.*, CASE WHEN x.mode = 'credits' THEN x.price ELSE 0 END AS amount,
           CASE WHEN x.mode = 'quota' THEN x.units ELSE 0 END AS quota_units
      FROM unnest(p_event_id, p_model_id, p_model_key, p_quantity, p_input_tokens, p_output_tokens, p_mode,
                  p_charge, p_markup_bps, p_price_version, p_provider_cost, p_quota_units, p_idempotency_key,
                  p_request_hash, p_metadata, p_rules)
        WITH ORDINALITY AS x(id, model_id, model_key, quantity, input_tokens, output_tokens, mode, price,
                             markup_bps, price_version, provider_cost, units, idempotency_key, request_hash,
                             metadata, rules, n)
  ), run AS (
    SELECT item.*,
           (v_balance + v_credits - sum(item.amount) OVER (ORDER BY item.n))::bigint AS balance_after,
           CASE WHEN item.mode = 'quota'
                THEN (v_used - v_units + sum(item.quota_units) OVER (ORDER BY item.n))::int END AS used_after
      FROM item
  ), events AS (
    INSERT INTO "UsageEvent" ("id", "workspaceId", "apiKeyId", "modelId", "modelKey", "quantity", "inputTokens", "outputTokens",
      "billedTo", "markupBps", "priceVersion", "providerCostMicros", "chargedMillicredits", "quotaUnits",
      "balanceAfterMillicredits", "quotaUsedAfter", "quotaLimit", "idempotencyKey", "requestHash", "metadata", "createdAt",
      "timeRuleId", "timeRuleVersion", "volumeRuleId", "volumeRuleVersion")
    SELECT run.id, p_workspace_id, p_api_key_id, run.model_id, run.model_key, run.quantity, run.input_tokens, run.output_tokens,
      run.mode::"BilledTo", CASE WHEN run.mode = 'credits' THEN run.markup_bps ELSE 0 END, run.price_version, run.provider_cost,
      run.amount, run.quota_units, run.balance_after, run.used_after, p_quota_limit, run.idempotency_key, run.request_hash,
      run.metadata, timezone('UTC', now()), run.rules->>'timeRuleId', (run.rules->>'timeRuleVersion')::int,
      run.rules->>'volumeRuleId', (run.rules->>'volumeRuleVersion')::int
      FROM run ORDER BY run.n
  ), keys AS (
    INSERT INTO "UsageIdempotency" ("workspaceId", "idempotencyKey", "eventId", "createdAt")
    SELECT p_workspace_id, run.idempotency_key, run.id, timezone('UTC', now())
      FROM run WHERE run.idempotency_key IS NOT NULL
  ), entries AS (
    -- tollgate_ledger_entry's row, for the calls that moved the balance, in their order.
    INSERT INTO "LedgerEntry" ("id", "workspaceId", "kind", "amountMillicredits", "balanceAfterMillicredits", "reference", "createdAt")
    SELECT 'le_' || run.id, p_workspace_id, 'usage', -run.amount, run.balance_after, 'usage:' || run.id, timezone('UTC', now())
      FROM run WHERE run.amount > 0 ORDER BY run.n
  )
  SELECT run.n, 'ok'::text, run.id, run.mode, run.amount, run.balance_after, run.used_after FROM run ORDER BY run.n;
END;
$$;

-- One line of a workspace's ledger, written at the moment it happens (UTC). The ledger is the
-- balance's history: every function that moves "Workspace"."balanceMillicredits" writes one.
-- The id and reference name what moved it (usage:evt_…, hold:res_…, release:res_…). "LedgerEntry"
-- is partitioned by month, so the (workspace, kind, reference) that keeps any of them from being
-- written twice is "LedgerReference"'s primary key: a repeat fails with unique_violation here.
-- Usage entries skip it: their reference is their event's id, written once by construction, and
-- the metering hot path pays for no second insert.
create or replace function tollgate_ledger_entry(
  p_id text, p_workspace_id text, p_kind "LedgerKind", p_amount bigint, p_balance_after bigint, p_reference text,
  p_reason text DEFAULT NULL, p_actor_id text DEFAULT NULL
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_at timestamp := timezone('UTC', now());
BEGIN
  IF p_kind <> 'usage' THEN
    INSERT INTO "LedgerReference" ("workspaceId", "kind", "reference", "entryId", "createdAt")
    VALUES (p_workspace_id, p_kind, p_reference, p_id, v_at);
  END IF;
  INSERT INTO "LedgerEntry" ("id", "workspaceId", "kind", "amountMillicredits", "balanceAfterMillicredits", "reference", "reason", "actorId", "createdAt")
  VALUES (p_id, p_workspace_id, p_kind, p_amount, p_balance_after, p_reference, p_reason, p_actor_id, v_at);
END;
$$;

-- Keeps a table partitioned by UTC month of "createdAt" ("UsageEvent", "LedgerEntry") ready for
-- its rows: a partition "<table>_YYYY_MM" for every month from p_from through p_through, and for
-- every month that has rows in the catch-all "<table>_default" (those rows move into their month's
-- new partition, with every column as it was). Idempotent: with every month there and the default
-- empty it changes nothing and returns 0; otherwise it returns the partitions it created. Two runs
-- at once (two job workers) queue on an advisory lock, so each month is created once.
-- A partition is made as a plain table and attached (SHARE UPDATE EXCLUSIVE on the parent), so
-- charges inserting into this month's partition are not blocked; only the default partition is
-- locked, for as long as checking it (and moving its rows) takes: it is empty in normal operation.
create or replace function tollgate_month_partitions(p_table text, p_from date, p_through date) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  v_default text := p_table || '_default';
  v_missing text := format(
    'SELECT coalesce(array_agg(DISTINCT m ORDER BY m), ''{}'') FROM (
       SELECT generate_series(date_trunc(''month'', $1::timestamp), date_trunc(''month'', $2::timestamp), interval ''1 month'')::date AS m
       UNION SELECT date_trunc(''month'', d."createdAt")::date FROM %I d) months
     WHERE to_regclass(quote_ident(%L || to_char(m, ''_YYYY_MM''))) IS NULL', v_default, p_table);
  v_months date[];
  v_month date;
  v_name text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('tollgate_month_partitions:' || p_table, 0));
  EXECUTE v_missing INTO v_months USING p_from, p_through;
  IF cardinality(v_months) = 0 THEN
    RETURN 0;
  END IF;
  -- Writes to the default partition wait from here to the commit (reads go on), so no row can land
  -- in a month's range between reading the months and attaching its partition.
  EXECUTE format('LOCK TABLE %I IN EXCLUSIVE MODE', v_default);
  EXECUTE v_missing INTO v_months USING p_from, p_through;
  FOREACH v_month IN ARRAY v_months LOOP
    v_name := p_table || to_char(v_month, '_YYYY_MM');
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', v_name, p_table);
    EXECUTE format(
      'WITH moved AS (DELETE FROM %I d WHERE d."createdAt" >= $1 AND d."createdAt" < $2 RETURNING d.*) INSERT INTO %I SELECT * FROM moved',
      v_default, v_name) USING v_month::timestamp, (v_month + interval '1 month')::timestamp;
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
      p_table, v_name, v_month::timestamp, (v_month + interval '1 month')::timestamp);
  END LOOP;
  RETURN cardinality(v_months);
END;
$$;

-- CreateTable
CREATE TABLE "LedgerReference" (
    "workspaceId" TEXT NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "reference" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerReference_pkey" PRIMARY KEY ("workspaceId","kind","reference")
);

-- CreateTable
CREATE TABLE "UsageIdempotency" (
    "workspaceId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsageIdempotency_pkey" PRIMARY KEY ("workspaceId","idempotencyKey")
);

-- AddForeignKey
ALTER TABLE "LedgerReference" ADD CONSTRAINT "LedgerReference_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageIdempotency" ADD CONSTRAINT "UsageIdempotency_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- UsageEvent: the old table's rows move into the partitioned one (indexes built after the copy).
ALTER TABLE "UsageEvent" RENAME TO "UsageEvent_unpartitioned";
ALTER TABLE "UsageEvent_unpartitioned" DROP CONSTRAINT "UsageEvent_pkey", DROP CONSTRAINT "UsageEvent_workspaceId_fkey";
DROP INDEX "UsageEvent_workspaceId_idempotencyKey_key";
DROP INDEX "UsageEvent_workspaceId_createdAt_idx";
DROP INDEX "UsageEvent_createdAt_idx";
CREATE TABLE "UsageEvent" (LIKE "UsageEvent_unpartitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE ("createdAt");
CREATE TABLE "UsageEvent_default" PARTITION OF "UsageEvent" DEFAULT;
SELECT tollgate_month_partitions('UsageEvent',
  coalesce((SELECT min("createdAt") FROM "UsageEvent_unpartitioned"), timezone('UTC', now()))::date,
  (timezone('UTC', now()) + interval '3 months')::date);
INSERT INTO "UsageEvent" SELECT * FROM "UsageEvent_unpartitioned";
INSERT INTO "UsageIdempotency" ("workspaceId", "idempotencyKey", "eventId", "createdAt")
  SELECT "workspaceId", "idempotencyKey", "id", "createdAt" FROM "UsageEvent_unpartitioned" WHERE "idempotencyKey" IS NOT NULL;
DROP TABLE "UsageEvent_unpartitioned";
ALTER TABLE "UsageEvent" ADD CONSTRAINT "UsageEvent_pkey" PRIMARY KEY ("id", "createdAt");
CREATE INDEX "UsageEvent_workspaceId_createdAt_idx" ON "UsageEvent"("workspaceId", "createdAt");
CREATE INDEX "UsageEvent_createdAt_idx" ON "UsageEvent"("createdAt");
ALTER TABLE "UsageEvent" ADD CONSTRAINT "UsageEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- LedgerEntry: the same, keeping "seq"'s sequence (its values go on where they were).
ALTER TABLE "LedgerEntry" RENAME TO "LedgerEntry_unpartitioned";
ALTER TABLE "LedgerEntry_unpartitioned" DROP CONSTRAINT "LedgerEntry_pkey", DROP CONSTRAINT "LedgerEntry_workspaceId_fkey";
DROP INDEX "LedgerEntry_workspaceId_kind_reference_key";
DROP INDEX "LedgerEntry_workspaceId_createdAt_idx";
DROP INDEX "LedgerEntry_kind_createdAt_idx";
DROP INDEX "LedgerEntry_workspaceId_seq_idx";
ALTER SEQUENCE "LedgerEntry_seq_seq" OWNED BY NONE;
CREATE TABLE "LedgerEntry" (LIKE "LedgerEntry_unpartitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE ("createdAt");
ALTER SEQUENCE "LedgerEntry_seq_seq" OWNED BY "LedgerEntry"."seq";
CREATE TABLE "LedgerEntry_default" PARTITION OF "LedgerEntry" DEFAULT;
SELECT tollgate_month_partitions('LedgerEntry',
  coalesce((SELECT min("createdAt") FROM "LedgerEntry_unpartitioned"), timezone('UTC', now()))::date,
  (timezone('UTC', now()) + interval '3 months')::date);
INSERT INTO "LedgerEntry" SELECT * FROM "LedgerEntry_unpartitioned";
INSERT INTO "LedgerReference" ("workspaceId", "kind", "reference", "entryId", "createdAt")
  SELECT "workspaceId", "kind", "reference", "id", "createdAt" FROM "LedgerEntry_unpartitioned" WHERE "kind" <> 'usage';
DROP TABLE "LedgerEntry_unpartitioned";
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id", "createdAt");
CREATE INDEX "LedgerEntry_workspaceId_createdAt_idx" ON "LedgerEntry"("workspaceId", "createdAt");
CREATE INDEX "LedgerEntry_kind_createdAt_idx" ON "LedgerEntry"("kind", "createdAt");
CREATE INDEX "LedgerEntry_workspaceId_seq_idx" ON "LedgerEntry"("workspaceId", "seq");
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
