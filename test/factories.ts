import { randomUUID } from "node:crypto";
import { signUp } from "@/lib/auth/accounts";

export const uniqueEmail = (label = "user") => `${label}-${randomUUID().slice(0, 8)}@example.test`;

export async function createUser(
  opts: { verified?: boolean; role?: "user" | "admin"; password?: string } = {},
) {
  const email = uniqueEmail();
  const password = opts.password ?? "correct horse battery";
  const user = await signUp(
    { email, password, name: "Test User" },
    { verified: opts.verified, role: opts.role },
  );
  return { ...user, password };
}

/** A team workspace (created through the domain) with a verified owner and one verified user per extra role. */
export async function createTeamWith(
  roles: ("admin" | "member" | "billing" | "owner")[] = ["admin", "member", "billing"],
) {
  const { createTeam } = await import("@/lib/teams/members");
  const { db } = await import("@/lib/db");
  const owner = await createUser({ verified: true });
  const workspace = await createTeam(
    { id: owner.id, email: owner.email },
    `Team ${randomUUID().slice(0, 6)}`,
  );
  const ownerMembership = await db.membership.findUniqueOrThrow({
    where: { userId_workspaceId: { userId: owner.id, workspaceId: workspace.id } },
  });
  const members = await Promise.all(
    roles.map(async (role) => {
      const user = await createUser({ verified: true });
      const membership = await db.membership.create({
        data: { userId: user.id, workspaceId: workspace.id, role },
      });
      return { user, membership, role };
    }),
  );
  const byRole = (role: string) => {
    if (role === "owner") return { user: owner, membership: ownerMembership, role: "owner" as const };
    const found = members.find((m) => m.role === role);
    if (!found) throw new Error(`no ${role} in this team`);
    return found;
  };
  return { workspace, owner, members, byRole };
}
