import { pool } from "@/lib/db/pool";
import {
  parseSqlRow,
  sqlCall,
  sqlFunction,
  sqlSetFunction,
  type AnySqlFunction,
  type SqlArgs,
  type SqlRow,
} from "@/lib/db/sql-call";

// The metering path's SQL functions (prisma/sql/<name>.sql), declared for lib/db/sql-call: what
// each takes and answers. Calls go through the node-postgres pool, as the rest of the hot path.

const settled = ["already_committed", "already_released", "already_expired"] as const;

export const chargeUsageFn = sqlFunction(
  "tollgate_charge_usage",
  {
    p_event_id: "text",
    p_workspace_id: "text",
    p_api_key_id: "text",
    p_model_id: "text",
    p_model_key: "text",
    p_quantity: "bigint?",
    p_input_tokens: "bigint?",
    p_output_tokens: "bigint?",
    p_mode: "text",
    p_charge: "bigint",
    p_markup_bps: "int",
    p_price_version: "int",
    p_provider_cost: "bigint",
    p_quota_units: "int",
    p_quota_limit: "int",
    p_day: "date",
    p_overage: "boolean",
    p_cap: "bigint?",
    p_month: "date",
    p_idempotency_key: "text?",
    p_request_hash: "text?",
    p_metadata: "jsonb?",
    p_member_id: "text?",
    p_member_cap: "bigint?",
    p_rules: "jsonb?",
  },
  {
    outcome: "text",
    event_id: "text?",
    billed_to: "text?",
    charged: "bigint?",
    balance: "bigint?",
    quota_used: "int?",
  },
  [
    "ok",
    "replay",
    "idempotency_conflict",
    "quota_exceeded",
    "spend_cap_reached",
    "member_spend_cap_reached",
    "insufficient_credits",
  ],
);

// A batch's calls in one pass when all of them are certain to succeed (tollgate_charge_usage_batch);
// the arguments below are the caller's and the moment's, the same for every call.
export const chargeUsageBatchFn = sqlSetFunction("tollgate_charge_usage_batch", chargeUsageFn, [
  "p_workspace_id",
  "p_api_key_id",
  "p_quota_limit",
  "p_day",
  "p_overage",
  "p_cap",
  "p_month",
  "p_member_id",
  "p_member_cap",
]);

export const holdFn = sqlFunction(
  "tollgate_hold",
  {
    p_id: "text",
    p_workspace_id: "text",
    p_api_key_id: "text",
    p_model_id: "text",
    p_model_key: "text",
    p_amount: "bigint",
    p_expires_at: "timestamp",
    p_cap: "bigint?",
    p_member_id: "text?",
    p_member_cap: "bigint?",
  },
  { outcome: "text", balance: "bigint" },
  ["ok", "spend_cap_reached", "member_spend_cap_reached", "insufficient_credits"],
);

export const commitReservationFn = sqlFunction(
  "tollgate_commit_reservation",
  {
    p_id: "text",
    p_workspace_id: "text",
    p_event_id: "text",
    p_quantity: "bigint?",
    p_input_tokens: "bigint?",
    p_output_tokens: "bigint?",
    p_charge: "bigint",
    p_markup_bps: "int",
    p_price_version: "int",
    p_provider_cost: "bigint",
    p_metadata: "jsonb?",
    p_rules: "jsonb?",
  },
  { outcome: "text", held: "bigint?", charged: "bigint?", balance: "bigint?" },
  ["ok", "not_found", "expired", ...settled],
);

export const releaseReservationFn = sqlFunction(
  "tollgate_release_reservation",
  { p_id: "text", p_workspace_id: "text?", p_status: "text" },
  { outcome: "text", released: "bigint?", balance: "bigint?" },
  ["ok", "not_found", ...settled],
);

export const meteringFunctions = [chargeUsageFn, holdFn, commitReservationFn, releaseReservationFn];
export const meteringSetFunctions = [chargeUsageBatchFn];

/** Calls one of the functions above once and returns its (one) row, parsed. */
export async function callFunction<F extends AnySqlFunction>(fn: F, args: SqlArgs<F>): Promise<SqlRow<F>> {
  const { rows } = await pool().query(sqlCall(fn, args));
  return parseSqlRow(fn, rows[0]);
}
