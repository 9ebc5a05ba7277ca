import "server-only";
import { LIVE_STATUSES } from "@/lib/billing/subscriptions";
import { pool } from "@/lib/db/pool";
import { RateLimitedError, type RateLimitState } from "@/lib/errors";
import { hashKey } from "./api-keys";
import { catalogSnapshot } from "./catalog-cache";
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
  balance: string;
  subId: string | null;
  tierId: string | null;
  interval: "month" | "year" | null;
  status: string | null;
  currentPeriodEnd: Date | null;
  planVersion: number | null;
  versionQuota: number | null;
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
const WORKSPACE_COLUMNS = `w.name, w."accountType", w."overageEnabled", w."suspendedAt", w."balanceMillicredits"::text as balance,
           s.id as "subId", s."tierId", s.interval, s.status, s."currentPeriodEnd",
           s."planVersion", s."versionQuota"`;

const AUTH_SQL = `
  with k as (
    select k.id, k."workspaceId", k."revokedAt", k."expiresAt", k."lastUsedAt", k."monthlySpendCapMillicredits"::text as cap,
           m."userId" as "memberId", m."monthlySpendCapMillicredits"::text as "memberCap",
           ${WORKSPACE_COLUMNS}
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
  )
  select k.*, (select "count" from rl) as hits from k`;

// A customer session token's workspace (lib/metering/session-tokens.ts): the same columns without a
// key, rate-limited per workspace at the tier's rate. A token scoped to a member ($4) finds no row
// once that member has left the workspace.
const SESSION_SQL = `
  with k as (
    select null::text as id, w.id as "workspaceId", null::timestamp as "revokedAt", null::timestamp as "expiresAt",
           $3::timestamp as "lastUsedAt", null::text as cap, m."userId" as "memberId",
           m."monthlySpendCapMillicredits"::text as "memberCap",
           ${WORKSPACE_COLUMNS}
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

const MINUTE = 60_000;

/** Bearer key -> the key, its member, its workspace, the tier it is on (free without a plan), and its rate state. */
export async function authenticate(authorization: string | null, now = new Date()) {
  const raw = /^Bearer\s+(tg_[A-Za-z0-9_-]+)$/.exec(authorization?.trim() ?? "")?.[1];
  if (!raw) throw new InvalidApiKeyError();
  const windowStart = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);
  const [result, catalog] = await Promise.all([
    pool().query<Row>(AUTH_SQL, [hashKey(raw), windowStart.toISOString(), now.toISOString()]),
    catalogSnapshot(),
  ]);
  const row = result.rows[0];
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) throw new InvalidApiKeyError();
  if (row.suspendedAt) throw new WorkspaceSuspendedError();
  // Worth a write at most once a minute per key; not on the charge's critical path.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > MINUTE) {
    void pool()
      .query(`update "ApiKey" set "lastUsedAt" = $2::timestamp where id = $1`, [row.id, now.toISOString()])
      .catch(() => {});
  }
  return callerFrom(row, catalog, windowStart, null);
}

/** Bearer customer session token (tgs_…) -> its workspace as a read-only caller. */
export async function authenticateSession(authorization: string | null, now = new Date()) {
  const raw = /^Bearer\s+(tgs_\S+)$/.exec(authorization?.trim() ?? "")?.[1];
  const session = raw ? verifySessionToken(raw, now) : null;
  if (!session) throw new InvalidApiKeyError(null, "Missing, malformed or expired session token.");
  const windowStart = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);
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
      balanceMillicredits: BigInt(row.balance),
    },
    subscription,
    tier,
    plan,
    catalog,
    rate,
  };
}

/** Per-key fixed one-minute window at the tier's rate (counted by authenticate); 429 with Retry-After when spent. */
export function checkRateLimit(caller: ApiCaller): RateLimitState {
  const { limit, count, resetAt } = caller.rate;
  const state = { limit, remaining: Math.max(0, limit - count), resetAt };
  if (count > limit) {
    const retryAfter = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000));
    throw new RateLimitedError(retryAfter, undefined, state);
  }
  return state;
}
