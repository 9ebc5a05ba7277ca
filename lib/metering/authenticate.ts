import "server-only";
import { LIVE_STATUSES } from "@/lib/billing/subscriptions";
import { pool } from "@/lib/db/pool";
import { prepared } from "@/lib/db/sql-call";
import { RateLimitedError, type RateLimitState } from "@/lib/errors";
import { hashKey } from "./api-keys";
import { catalogSnapshot } from "./catalog-cache";
import { callerMemory } from "./caller-cache";
import { InvalidApiKeyError, WorkspaceSuspendedError } from "./errors";
import { verifySessionToken } from "./session-tokens";

type Row = {
  id: string | null;
  workspaceId: string;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  cap: string | null;
  memberId: string | null;
  memberCap: string | null;
  name: string;
  accountType: "payg" | "subscription";
  overageEnabled: boolean;
  suspendedAt: Date | null;
  workspaceBalance: string;
  subId: string | null;
  tierId: string | null;
  interval: "month" | "year" | null;
  status: string | null;
  currentPeriodEnd: Date | null;
  planVersion: number | null;
  versionQuota: number | null;
  /** Every column above but the balance and lastUsedAt, hashed (CALLER_FINGERPRINT). */
  fp: string;
  hits: number | null;
};

// One statement: the key, its workspace, the key's member in a team workspace (its creator, while
// they belong to it) with their spend cap, the live subscription with the daily quota of the plan
// version it was sold at, and this minute's request count for the key (counted only for usable keys). The live subscription, and the free tier without one, is the
// effective-plan rule of lib/billing/subscriptions.ts (effectivePlan), written in SQL for this path.
const LIVE_SUBSCRIPTION = `
    left join lateral (
      select s.*, v.version as "planVersion", v."dailyQuotaUnits" as "versionQuota"
      from "Subscription" s left join "PlanVersion" v on v.id = s."planVersionId"
      where s."workspaceId" = w.id and s.status in (${LIVE_STATUSES.map((s) => `'${s}'`).join(", ")})
      order by s."createdAt" desc limit 1
    ) s on true`;
const WORKSPACE_COLUMNS = `w.name, w."accountType", w."overageEnabled", w."suspendedAt", w."balanceMillicredits"::text as "workspaceBalance",
           s.id as "subId", s."tierId", s.interval, s.status, s."currentPeriodEnd",
           s."planVersion", s."versionQuota"`;

// What a cached caller stands for (lib/metering/caller-cache.ts): every fact the row above reads
// that decides a call's rights and price — the key, its member and caps, the workspace, the live
// subscription and its plan version — hashed. A statement that finds another hash for the key
// charges nothing; the caller is then read afresh.
const CALLER_FINGERPRINT = `md5(row(k.id, k."workspaceId", k."revokedAt", k."expiresAt", k."monthlySpendCapMillicredits",
           m."userId", m."monthlySpendCapMillicredits", w.name, w."accountType", w."overageEnabled", w."suspendedAt",
           s.id, s."tierId", s.interval, s.status, s."currentPeriodEnd", s."planVersion", s."versionQuota")::text)`;

// $1 the key's hash, $2 the minute's window, $3 now.
const KEY_CTES = `
  k as (
    select k.id, k."workspaceId", k."revokedAt", k."expiresAt", k."lastUsedAt", k."monthlySpendCapMillicredits"::text as cap,
           m."userId" as "memberId", m."monthlySpendCapMillicredits"::text as "memberCap",
           ${WORKSPACE_COLUMNS}, ${CALLER_FINGERPRINT} as fp
    from "ApiKey" k
    join "Workspace" w on w.id = k."workspaceId"
    -- Personal workspaces have one member and no member caps: no MemberSpend row to write per call.
    left join "Membership" m on m."workspaceId" = k."workspaceId" and m."userId" = k."createdById" and not w.personal
    ${LIVE_SUBSCRIPTION}
    where k."keyHash" = $1
  ), rl as (
    insert into "RateLimitHit" ("key", "windowStart", "count")
    select 'api:' || k.id, $2::timestamp, 1 from k
    where k."revokedAt" is null and (k."expiresAt" is null or k."expiresAt" > $3::timestamp) and k."suspendedAt" is null
    on conflict ("key", "windowStart") do update set "count" = "RateLimitHit"."count" + 1
    returning "count"
  )`;

const AUTH_SQL = `with ${KEY_CTES} select k.*, (select "count" from rl) as hits from k`;

// A customer session token's workspace (lib/metering/session-tokens.ts): the same columns without a
// key, rate-limited per workspace at the tier's rate. A token scoped to a member ($4) finds no row
// once that member has left the workspace.
const SESSION_SQL = `
  with k as (
    select null::text as id, w.id as "workspaceId", null::timestamp as "revokedAt", null::timestamp as "expiresAt",
           $3::timestamp as "lastUsedAt", null::text as cap, m."userId" as "memberId",
           m."monthlySpendCapMillicredits"::text as "memberCap",
           ${WORKSPACE_COLUMNS}, '' as fp
    from "Workspace" w
    left join "Membership" m on m."workspaceId" = w.id and m."userId" = $4::text
    ${LIVE_SUBSCRIPTION}
    where w.id = $1 and ($4::text is null or m.id is not null)
  ), rl as (
    insert into "RateLimitHit" ("key", "windowStart", "count")
    select 'session:' || k."workspaceId", $2::timestamp, 1 from k where k."suspendedAt" is null
    on conflict ("key", "windowStart") do update set "count" = "RateLimitHit"."count" + 1
    returning "count"
  )
  select k.*, (select "count" from rl) as hits from k`;

export type ApiCaller = ReturnType<typeof callerFrom>;

const callers = callerMemory<Row>();
/** Tests: forget every remembered key, as a freshly started instance. */
export const forgetCallers = () => callers.clear();
type Statement = { text: string; values: unknown[] };

const MINUTE = 60_000;
const windowOf = (now: Date) => new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);
const bearerKey = (authorization: string | null) =>
  /^Bearer\s+(tg_[A-Za-z0-9_-]+)$/.exec(authorization?.trim() ?? "")?.[1];

/** Bearer key -> the key, its member, its workspace, the tier it is on (free without a plan), and its rate state. */
export async function authenticate(authorization: string | null, now = new Date()) {
  const raw = bearerKey(authorization);
  if (!raw) throw new InvalidApiKeyError();
  const keyHash = hashKey(raw);
  const windowStart = windowOf(now);
  const [result, catalog] = await Promise.all([
    pool().query<Row>(
      prepared({ text: AUTH_SQL, values: [keyHash, windowStart.toISOString(), now.toISOString()] }),
    ),
    catalogSnapshot(),
  ]);
  return callerFrom(usableRow(keyHash, result.rows[0], now), catalog, windowStart, null);
}

/** The key's row, when the key may be used now (remembered for the one-statement path), or 401 / 403. */
function usableRow(keyHash: string, row: Row | undefined, now: Date) {
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.suspendedAt) {
    callers.forget(keyHash);
    if (row && !row.revokedAt && !(row.expiresAt && row.expiresAt <= now))
      throw new WorkspaceSuspendedError();
    throw new InvalidApiKeyError();
  }
  callers.remember(keyHash, row);
  // Worth a write at most once a minute per key; not on the charge's critical path.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > MINUTE) {
    void pool()
      .query(`update "ApiKey" set "lastUsedAt" = $2::timestamp where id = $1`, [row.id, now.toISOString()])
      .catch(() => {});
  }
  return row;
}

/**
 * The key's caller as this process last read it, not yet confirmed for this call (`deferred`), or
 * null when it is not remembered. A charging route runs with it and confirms it in its one
 * statement (authenticatedStatement, then confirmCaller); nothing is charged unless the database
 * still agrees with it.
 */
export async function cachedCaller(authorization: string | null, now = new Date()) {
  const raw = bearerKey(authorization);
  const keyHash = raw && hashKey(raw);
  const row = keyHash ? callers.recall(keyHash) : undefined;
  if (!keyHash || !row) return null;
  const windowStart = windowOf(now);
  return callerFrom(row, await catalogSnapshot(), windowStart, null, { keyHash, fingerprint: row.fp, now });
}

/**
 * One statement for a deferred caller: the key's authentication and this minute's count (as
 * authenticate), then `batch` — only when the key is usable, its fingerprint is the remembered one
 * and the count is within the tier's limit. `batch` gets the number of parameters before its own
 * and the condition to run under (sqlCallBatch's guard).
 */
// authenticatedStatement's texts by the inner statement's (a handful: one per batch shape).
const authenticatedTexts = new Map<string, string>();

export function authenticatedStatement(
  caller: ApiCaller,
  batch: (guard: { after: number; when: string }) => Statement,
): Statement {
  const { keyHash, fingerprint, now } = caller.deferred!;
  const inner = batch({ after: 5, when: `a.hits is not null and a.fp = $4 and a.hits <= $5` });
  // The hot path's statement: one fixed text per batch shape, built once and parsed and planned
  // once per connection.
  let text = authenticatedTexts.get(inner.text);
  if (!text) {
    text = `with ${KEY_CTES}, a as materialized (select k.*, (select "count" from rl) as hits from k)
      select a.*, c.* from a left join lateral (${inner.text}) c on true order by c.ord`;
    authenticatedTexts.set(inner.text, text);
  }
  return prepared({
    text,
    values: [
      keyHash,
      windowOf(now).toISOString(),
      now.toISOString(),
      fingerprint,
      caller.rate.limit,
      ...inner.values,
    ],
  });
}

/**
 * Reads an authenticated statement's answer into its caller: when the database still agrees with
 * the remembered caller and the call was within the limit, the batch ran (true: `rows` are its
 * rows); otherwise the caller becomes the one just read (401, 403 or 429 thrown here as
 * authenticate and checkRateLimit would) and the batch has not run (false: charge it again).
 */
export function confirmCaller(caller: ApiCaller, rows: (Row & Record<string, unknown>)[]) {
  const { keyHash, fingerprint, now } = caller.deferred!;
  const row = usableRow(keyHash, rows[0], now);
  const windowStart = windowOf(now);
  const same = row.fp === fingerprint;
  Object.assign(caller, callerFrom(row, caller.catalog, windowStart, null));
  checkRateLimit(caller);
  return same;
}

/** Bearer customer session token (tgs_…) -> its workspace as a read-only caller. */
export async function authenticateSession(authorization: string | null, now = new Date()) {
  const raw = /^Bearer\s+(tgs_\S+)$/.exec(authorization?.trim() ?? "")?.[1];
  const session = raw ? verifySessionToken(raw, now) : null;
  if (!session) throw new InvalidApiKeyError(null, "Missing, malformed or expired session token.");
  const windowStart = windowOf(now);
  const [result, catalog] = await Promise.all([
    pool().query<Row>(SESSION_SQL, [
      session.workspaceId,
      windowStart.toISOString(),
      now.toISOString(),
      session.memberId,
    ]),
    catalogSnapshot(),
  ]);
  const row = result.rows[0];
  if (!row)
    throw new InvalidApiKeyError(
      null,
      session.memberId
        ? "This session token's member no longer belongs to the workspace."
        : "Missing, malformed or expired session token.",
    );
  if (row.suspendedAt) throw new WorkspaceSuspendedError();
  return callerFrom(row, catalog, windowStart, session);
}

function callerFrom(
  row: Row,
  catalog: Awaited<ReturnType<typeof catalogSnapshot>>,
  windowStart: Date,
  session: { expiresAt: Date } | null,
  deferred: { keyHash: string; fingerprint: string; now: Date } | null = null,
) {
  const subscription = row.subId
    ? {
        id: row.subId,
        tierId: row.tierId!,
        interval: row.interval!,
        status: row.status!,
        currentPeriodEnd: row.currentPeriodEnd!,
      }
    : null;
  const tier = (subscription && catalog.tiersById.get(subscription.tierId)) || catalog.freeTier;
  // The subscription's own terms (grandfathered); without a version, the tier's current ones.
  const plan = { dailyQuotaUnits: row.versionQuota ?? tier.dailyQuotaUnits };
  const rate = {
    limit: tier.rateLimitPerMinute,
    count: row.hits ?? 0,
    resetAt: new Date(windowStart.getTime() + MINUTE),
  };
  return {
    // A session caller has no key (id ""): the routes that charge never accept one (v1Route).
    apiKey: { id: row.id ?? "", monthlySpendCapMillicredits: row.cap === null ? null : BigInt(row.cap) },
    /** Set when the caller is a read-only customer session token. */
    session,
    // Whose calls these are for team spend caps: null when the key's creator is not (or no longer) a member.
    member:
      row.memberId === null
        ? null
        : {
            userId: row.memberId,
            monthlySpendCapMillicredits: row.memberCap === null ? null : BigInt(row.memberCap),
          },
    workspace: {
      id: row.workspaceId,
      name: row.name,
      accountType: row.accountType,
      overageEnabled: row.overageEnabled,
      balanceMillicredits: BigInt(row.workspaceBalance),
    },
    subscription,
    tier,
    plan,
    catalog,
    rate,
    /** Set while the caller is this process's memory of the key, not yet confirmed for this call. */
    deferred,
  };
}

/** The caller's window after this call's count: limit, what remains and when it resets. */
export function rateState(caller: ApiCaller): RateLimitState {
  const { limit, count, resetAt } = caller.rate;
  return { limit, remaining: Math.max(0, limit - count), resetAt };
}

/** Per-key fixed one-minute window at the tier's rate (counted by authenticate); 429 with Retry-After when spent. */
export function checkRateLimit(caller: ApiCaller): RateLimitState {
  const state = rateState(caller);
  if (caller.rate.count > state.limit) {
    const retryAfter = Math.max(1, Math.ceil((state.resetAt.getTime() - Date.now()) / 1000));
    throw new RateLimitedError(retryAfter, undefined, state);
  }
  return state;
}
