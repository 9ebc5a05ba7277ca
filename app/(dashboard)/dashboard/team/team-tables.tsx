import { ActionButton } from "@/components/forms/action-button";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { ConfirmItemButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { MemberRole } from "@/lib/db";
import { formatCredits } from "@/lib/catalog/money";
import type { MemberRow, MemberUsageRow } from "@/lib/teams/roster";
import { formatCount, formatDate } from "@/lib/utils/format";
import { can, MEMBER_ROLES, ROLE_LABEL } from "@/lib/workspaces/permissions";
import {
  removeMemberAction,
  resendInviteAction,
  revokeInviteAction,
  setCapAction,
  transferOwnershipAction,
} from "./actions";
import { CapForm, RoleForm } from "./member-controls";

const who = (m: { name: string | null; email: string }) => m.name ?? m.email;
const capText = (cap: bigint | null) => (cap === null ? "No cap" : `${formatCredits(cap)} credits`);

export function MembersTable({
  members,
  viewer,
}: {
  members: MemberRow[];
  viewer: { userId: string; role: MemberRole };
}) {
  const manages = can(viewer.role, "members.manage");
  const isOwner = viewer.role === "owner";
  // Owners may grant any role; admins everything but owner.
  const roleOptions = MEMBER_ROLES.filter((r) => isOwner || r !== "owner").map((r) => ({
    value: r,
    label: ROLE_LABEL[r],
  }));
  // An admin cannot touch an owner; nobody removes themselves here (that is "Leave team").
  const editable = (m: MemberRow) => manages && (isOwner || m.role !== "owner");
  const self = (m: MemberRow) => m.userId === viewer.userId;
  return (
    <DataTable
      label="Team members"
      minWidth="52rem"
      rows={members}
      rowKey={(m) => m.membershipId}
      columns={[
        {
          header: "Member",
          kind: "primary",
          cell: (m) => (
            <>
              <span className="block break-words">
                {who(m)}
                {self(m) ? <span className="font-normal text-muted-foreground"> (you)</span> : null}
              </span>
              {m.name ? (
                <span className="block text-xs font-normal break-all text-muted-foreground">{m.email}</span>
              ) : null}
            </>
          ),
        },
        {
          header: "Role",
          cell: (m) =>
            editable(m) && !self(m) ? (
              <RoleForm membershipId={m.membershipId} who={who(m)} role={m.role} options={roleOptions} />
            ) : (
              <Badge variant={m.role === "owner" ? "default" : "secondary"}>{ROLE_LABEL[m.role]}</Badge>
            ),
        },
        {
          header: "Joined",
          priority: "low",
          cell: (m) => formatDate(m.joinedAt),
          className: "whitespace-nowrap",
        },
        {
          header: "Spent this month",
          kind: "money",
          cell: (m) => (
            <>
              {formatCredits(m.spentMillicredits)} credits
              {m.capMillicredits !== null && m.spentMillicredits >= m.capMillicredits ? (
                <Badge variant="warning" className="ml-2">
                  Cap reached
                </Badge>
              ) : null}
            </>
          ),
        },
        {
          header: "Monthly cap",
          cell: (m) =>
            editable(m) ? (
              <div className="grid gap-1">
                <CapForm
                  membershipId={m.membershipId}
                  who={who(m)}
                  cap={m.capMillicredits === null ? "" : formatCredits(m.capMillicredits).replaceAll(",", "")}
                />
                {m.capMillicredits !== null ? (
                  <ActionButton
                    action={setCapAction}
                    fields={{ membershipId: m.membershipId, cap: "" }}
                    label="Clear cap"
                    ariaLabel={`Clear spend cap for ${who(m)}`}
                    pendingLabel="Clearing…"
                    variant="ghost"
                  />
                ) : null}
              </div>
            ) : (
              <span className="whitespace-nowrap tabular-nums">{capText(m.capMillicredits)}</span>
            ),
        },
        ...(manages
          ? [
              {
                header: "Actions",
                kind: "actions" as const,
                cell: (m: MemberRow) =>
                  editable(m) && !self(m) ? <MemberActions member={m} isOwner={isOwner} /> : null,
              },
            ]
          : []),
      ]}
    />
  );
}

function MemberActions({ member, isOwner }: { member: MemberRow; isOwner: boolean }) {
  const name = who(member);
  const fields = { membershipId: member.membershipId };
  return (
    <div className="flex flex-wrap justify-end gap-2">
      {isOwner ? (
        <ConfirmItemButton
          verb="Transfer ownership"
          item={`to ${name}`}
          title={`Make ${name} the owner?`}
          description="You become an admin of the team."
          confirmLabel="Yes, transfer"
          pendingLabel="Transferring…"
          action={transferOwnershipAction}
          fields={fields}
        />
      ) : null}
      <ConfirmItemButton
        verb="Remove"
        item={name}
        description="API keys they created are revoked."
        pendingLabel="Removing…"
        action={removeMemberAction}
        fields={fields}
      />
    </div>
  );
}

type InviteRow = {
  id: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  sendCount: number;
  lastSentAt: Date;
};

export function InvitesTable({ invites }: { invites: InviteRow[] }) {
  const now = new Date();
  return (
    <DataTable
      label="Pending invitations"
      minWidth="44rem"
      rows={invites}
      rowKey={(invite) => invite.id}
      empty={<EmptyState title="No pending invitations" />}
      columns={[
        { header: "Email", kind: "primary", cell: (invite) => invite.email, className: "break-all" },
        { header: "Role", cell: (invite) => ROLE_LABEL[invite.role] },
        {
          header: "Expires",
          className: "whitespace-nowrap",
          cell: (invite) =>
            invite.expiresAt <= now ? <StatusBadge status="expired" /> : formatDate(invite.expiresAt),
        },
        {
          header: "Last sent",
          className: "whitespace-nowrap",
          cell: (invite) =>
            `${formatDate(invite.lastSentAt)} (${invite.sendCount === 1 ? "sent once" : `sent ${formatCount(invite.sendCount)} times`})`,
        },
        {
          header: "Actions",
          kind: "actions",
          cell: (invite) => (
            <div className="flex flex-wrap justify-end gap-2">
              <ActionButton
                action={resendInviteAction}
                fields={{ id: invite.id }}
                label="Resend"
                ariaLabel={`Resend invitation to ${invite.email}`}
                pendingLabel="Sending…"
              />
              <ConfirmItemButton
                verb="Revoke"
                item={`invitation for ${invite.email}`}
                title={`Revoke the invitation for ${invite.email}?`}
                description="The link in the email stops working."
                pendingLabel="Revoking…"
                action={revokeInviteAction}
                fields={{ id: invite.id }}
              />
            </div>
          ),
        },
      ]}
    />
  );
}

export function MemberUsageTable({ rows }: { rows: MemberUsageRow[] }) {
  return (
    <DataTable
      label="Usage by member this month"
      minWidth="32rem"
      rows={rows}
      rowKey={(r) => r.userId ?? "unattributed"}
      empty={
        <EmptyState
          title="No calls this month yet"
          description="Calls made with each member's API keys are counted here."
        />
      }
      columns={[
        {
          header: "Member",
          kind: "primary",
          cell: (r) =>
            r.userId === null
              ? "Keys created outside the dashboard"
              : r.email
                ? who({ name: r.name, email: r.email })
                : "Former member",
        },
        { header: "Calls", kind: "numeric", cell: (r) => formatCount(Number(r.calls)) },
        { header: "Credits", kind: "money", cell: (r) => formatCredits(r.millicredits) },
      ]}
    />
  );
}
