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
