import type { Rng } from "./random";
import type { MembershipRow, UserRow, WorkspaceRow } from "./types";

// Who signed up: users (with growth over the 90 days), their personal workspaces, and a tenth of
// the workspaces as teams with 2–5 members.

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const WINDOW_DAYS = 90;

const FIRST = [
  "Ada",
  "Alan",
  "Amara",
  "Ben",
  "Carla",
  "Chen",
  "Dara",
  "Elena",
  "Felix",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kemi",
  "Leo",
  "Lina",
  "Marco",
  "Maya",
  "Nadia",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sami",
  "Tara",
  "Tomas",
  "Uma",
  "Victor",
  "Wen",
  "Yara",
  "Zoe",
  "Noah",
];
const LAST = [
  "Adeyemi",
  "Berg",
  "Costa",
  "Dubois",
  "Evans",
  "Fischer",
  "Garcia",
  "Haddad",
  "Ito",
  "Jensen",
  "Kowalski",
  "Larsen",
  "Moreau",
  "Nakamura",
  "Okafor",
  "Park",
  "Quispe",
  "Rossi",
  "Silva",
  "Tanaka",
  "Urban",
  "Varga",
  "Weber",
  "Xu",
  "Yilmaz",
  "Zhang",
  "Novak",
  "Khan",
];
const TEAM_A = [
  "Blue",
  "Northwind",
  "Bright",
  "Copper",
  "Lumen",
  "Paper",
  "Pixel",
  "Quiet",
  "Red",
  "Silver",
  "Tidal",
  "Golden",
];
const TEAM_B = [
  "Harbor Media",
  "Studio",
  "Labs",
  "Creative",
  "Motion",
  "Collective",
  "Works",
  "Pictures",
  "Agency",
  "Films",
];

export const pad = (n: number, width = 4) => String(n).padStart(width, "0");
const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
const at = (ms: number) => new Date(ms);

export type Profile = {
  /** 1-based; the workspace id is demo_ws_<index>. */
  index: number;
  workspace: WorkspaceRow;
  owner: UserRow;
  team: boolean;
  /** When the owner made the API key and started calling the API; null: never. */
  activeFrom: number | null;
};

export type People = { users: UserRow[]; memberships: MembershipRow[]; profiles: Profile[] };

/** Signup times grow over the window: density ∝ e^(g·t), sampled by inverting its CDF. */
function signupTimes(rng: Rng, count: number, windowStart: number, anchor: number): number[] {
  const g = 1.3;
  const span = anchor - 3 * HOUR - windowStart;
  const times = Array.from({ length: count }, () => {
    const t = Math.log(1 + rng.next() * (Math.exp(g) - 1)) / g;
    return Math.floor(windowStart + t * span);
  });
  return times.sort((a, b) => a - b);
}

function verifiedAt(rng: Rng, signup: number, anchor: number): number | null {
  if (!rng.chance(0.85)) return null;
  const delay = rng.chance(0.7) ? rng.range(2, 40) * MINUTE : Math.min(rng.exp(18 * HOUR), 3 * DAY);
  const when = Math.floor(signup + delay);
  return when < anchor ? when : null;
}

export function generatePeople(rng: Rng, total: number, anchor: number): People {
  const windowStart = anchor - WINDOW_DAYS * DAY;
  const teamCount = total >= 10 ? Math.round(total / 10) : 0;
  const userCount = total - teamCount;
  const users: UserRow[] = [];
  const memberships: MembershipRow[] = [];
  const profiles: Profile[] = [];

  const r = rng.fork("users");
  for (const [i, signup] of signupTimes(r, userCount, windowStart, anchor).entries()) {
    const n = i + 1;
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const verified = verifiedAt(r, signup, anchor);
    const earlier = users.filter((u) => u.emailVerifiedAt);
    const referrer = n > 5 && earlier.length && r.chance(0.1) ? r.pick(earlier) : null;
    const user: UserRow = {
      id: `demo_u_${pad(n)}`,
      email: `demo-user-${pad(n)}@demo.tollgate.test`,
      name: `${first} ${last}`,
      emailVerifiedAt: verified === null ? null : at(verified),
      referralCode: `demo${pad(n)}`,
      referredById: referrer?.id ?? null,
      referralRewardedAt: null,
      createdAt: at(signup),
      updatedAt: at(verified ?? signup),
    };
    users.push(user);
    const wsName = `${user.name}'s workspace`;
    const workspace: WorkspaceRow = {
      id: `demo_ws_${pad(n)}`,
      name: wsName,
      slug: `demo-${slugify(wsName)}-${pad(n)}`,
      personal: true,
      accountType: "payg",
      balanceMillicredits: 0n,
      overageEnabled: false,
      createdAt: at(signup),
      updatedAt: at(signup),
    };
    memberships.push({
      id: `demo_m_${pad(n)}`,
      userId: user.id,
      workspaceId: workspace.id,
      role: "owner",
      createdAt: at(signup),
    });
    const starts =
      verified !== null && r.chance(0.92) ? verified + Math.floor(r.range(3, 90) * MINUTE) : null;
    profiles.push({
      index: n,
      workspace,
      owner: user,
      team: false,
      activeFrom: starts !== null && starts < anchor - 30 * MINUTE ? starts : null,
    });
  }

  const t = rng.fork("teams");
  const owners = users.filter((u) => u.emailVerifiedAt && u.emailVerifiedAt.getTime() < anchor - 4 * DAY);
  let memberSeq = userCount;
  for (let j = 1; j <= teamCount && owners.length; j++) {
    const n = userCount + j;
    const owner = owners.splice(Math.floor(t.next() * owners.length), 1)[0];
    const verified = owner.emailVerifiedAt!.getTime();
    const created = Math.floor(
      Math.max(verified + HOUR, Math.min(verified + t.range(0.2, 6) * DAY, anchor - 2 * DAY)),
    );
    const name = `${t.pick(TEAM_A)} ${t.pick(TEAM_B)}`;
    const workspace: WorkspaceRow = {
      id: `demo_ws_${pad(n)}`,
      name,
      slug: `demo-${slugify(name)}-${pad(n)}`,
      personal: false,
      accountType: "payg",
      balanceMillicredits: 0n,
      overageEnabled: false,
      createdAt: at(created),
      updatedAt: at(created),
    };
    memberships.push({
      id: `demo_m_${pad(++memberSeq)}`,
      userId: owner.id,
      workspaceId: workspace.id,
      role: "owner",
      createdAt: at(created),
    });
    const candidates = users.filter((u) => u.id !== owner.id && u.createdAt.getTime() < anchor - DAY);
    const extra = t.int(1, 4);
    for (let k = 0; k < extra && candidates.length; k++) {
      const member = candidates.splice(Math.floor(t.next() * candidates.length), 1)[0];
      const joined = Math.floor(Math.max(created, member.createdAt.getTime()) + t.range(1, 72) * HOUR);
      if (joined >= anchor) continue;
      const role = k === 0 ? (t.chance(0.6) ? "admin" : "member") : t.chance(0.15) ? "billing" : "member";
      memberships.push({
        id: `demo_m_${pad(++memberSeq)}`,
        userId: member.id,
        workspaceId: workspace.id,
        role,
        createdAt: at(joined),
      });
    }
    const starts = created + Math.floor(t.range(10, 120) * MINUTE);
    profiles.push({
      index: n,
      workspace,
      owner,
      team: true,
      activeFrom: starts < anchor - 30 * MINUTE ? starts : null,
    });
  }
  return { users, memberships, profiles };
}
