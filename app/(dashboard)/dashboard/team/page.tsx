// GET /dashboard/team — the workspace's members, invitations, per-member usage and who may do what.
import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { PageHeader } from "@/components/ui/page-header";
import { getDashboardContext } from "@/lib/auth/session";
import Link from "next/link";
import { listMembers, listPendingInvites, memberUsage } from "@/lib/teams/roster";
import { seatUsage } from "@/lib/teams/seats";
import { can } from "@/lib/workspaces/permissions";
import { leaveTeamAction } from "./actions";
import { InvitesTable, MembersTable, MemberUsageTable } from "./team-tables";
import { PermissionsTable } from "./permissions-table";
import { CreateTeamForm, InviteForm, RenameTeamForm } from "./team-forms";

export const metadata: Metadata = { title: "Team" };

const INVITE_ROLES = [
  { value: "member", label: "Member" },
  { value: "admin", label: "Admin" },
  { value: "billing", label: "Billing" },
];

export default async function TeamPage(props: {
  searchParams: Promise<{ created?: string; joined?: string }>;
}) {
  const [{ user, workspace, role }, params] = await Promise.all([getDashboardContext(), props.searchParams]);

  if (workspace.personal) {
    return (
      <div className="mx-auto grid max-w-6xl gap-6">
        <PageHeader
          title="Team"
          description={`${workspace.name} is your personal workspace: only you use it. A team is a workspace several people share, with one credit pool, a role for each member and an optional monthly spend cap per member.`}
        />
        <Card>
          <CardHeader>
            <CardTitle>Create a team</CardTitle>
            <CardDescription>
              You become its owner, and the dashboard switches to it. Your personal workspace stays as it is.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <CreateTeamForm />
          </CardContent>
        </Card>
        <PermissionsTable />
      </div>
    );
  }

  const [members, invites, usage, seats] = await Promise.all([
    listMembers(workspace.id),
    can(role, "members.invite") ? listPendingInvites(workspace.id) : [],
    memberUsage(workspace.id),
    seatUsage(workspace.id),
  ]);
  // Pending invitations hold their seats (lib/teams/seats.ts).
  const seatsTaken = seats.members + seats.pending;
  const seatsFull = seats.limit !== null && seatsTaken >= seats.limit;
  const owners = members.filter((m) => m.role === "owner").length;
  const soleOwner = role === "owner" && owners === 1;

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        title="Team"
        description={`Everyone in ${workspace.name} draws on its one credit pool. Spend is counted per UTC month, through the API keys each member created.`}
      />

      {params.created ? (
        <Alert variant="success">Team created. Invite people to share its credits.</Alert>
      ) : null}
      {params.joined ? <Alert variant="success">You joined {workspace.name}.</Alert> : null}

      <section aria-labelledby="members-title" className="grid gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="members-title" className="text-lg font-semibold">
            Members
          </h2>
          <p className="text-sm text-muted-foreground" data-testid="seats">
            {seats.limit === null
              ? `${seats.members} ${seats.members === 1 ? "seat" : "seats"} used (unlimited on ${seats.planName})`
              : `${seatsTaken} of ${seats.limit} ${seats.limit === 1 ? "seat" : "seats"}`}
            {seats.pending > 0 ? ` · ${seats.pending} held by pending invitations` : ""}
          </p>
        </div>
        {seatsFull ? (
          <Alert variant="warning">
            Every seat on your {seats.planName} plan is taken.{" "}
            <Link
              href="/dashboard/billing"
              className="rounded-sm font-medium underline underline-offset-4 hover:text-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              Upgrade your plan for more seats
            </Link>
          </Alert>
        ) : null}
        <MembersTable members={members} viewer={{ userId: user.id, role }} />
      </section>

      {can(role, "members.invite") ? (
        <Card role="region" aria-labelledby="invite-title">
          <CardHeader>
            <CardTitle id="invite-title">Invite people</CardTitle>
            <CardDescription>
              We email them a link that works for 7 days. They join with the role you choose.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-6">
            <InviteForm roles={INVITE_ROLES} />
            <InvitesTable invites={invites} />
          </CardContent>
        </Card>
      ) : null}

      <section aria-labelledby="member-usage-title" className="grid gap-3">
        <h2 id="member-usage-title" className="text-lg font-semibold">
          Usage by member this month
        </h2>
        <MemberUsageTable rows={usage} />
      </section>

      {can(role, "workspace.settings") ? (
        <Card role="region" aria-labelledby="team-name-title">
          <CardHeader>
            <CardTitle id="team-name-title">Team name</CardTitle>
            <CardDescription>Shown in the workspace switcher and in invitations.</CardDescription>
          </CardHeader>
          <CardContent>
            <RenameTeamForm name={workspace.name} />
          </CardContent>
        </Card>
      ) : null}

      <PermissionsTable />

      <Card role="region" aria-labelledby="leave-title">
        <CardHeader>
          <CardTitle id="leave-title">Leave team</CardTitle>
          <CardDescription>
            {soleOwner
              ? "You're the only owner. Transfer ownership to another member before you leave."
              : "You lose access to this team and its credits. API keys you created here are revoked."}
          </CardDescription>
        </CardHeader>
        {soleOwner ? null : (
          <CardContent>
            <ConfirmButton
              trigger="Leave team"
              triggerVariant="outline"
              title={`Leave ${workspace.name}?`}
              description="Only an invitation brings you back."
              confirmLabel="Yes, leave team"
              pendingLabel="Leaving…"
              action={leaveTeamAction}
              fields={{}}
            />
          </CardContent>
        )}
      </Card>
    </div>
  );
}
