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
