import { ActionButton } from "@/components/forms/action-button";
import { Badge } from "@/components/ui/badge";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
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
  return (
    <DataTable label="Team members" minWidth="min-w-[60rem]">
      <thead>
        <tr>
          <Th>Member</Th>
          <Th>Role</Th>
          <Th>Joined</Th>
          <Th className="text-right">Spent this month</Th>
          <Th>Monthly cap</Th>
          {manages ? <Th className="text-right">Actions</Th> : null}
        </tr>
      </thead>
      <tbody>
        {members.map((m) => {
          const self = m.userId === viewer.userId;
          // An admin cannot touch an owner; nobody removes themselves here (that is "Leave team").
          const editable = manages && (isOwner || m.role !== "owner");
          const name = who(m);
          return (
            <tr key={m.membershipId}>
              <Td>
                <span className="block font-medium">
                  {name}
                  {self ? <span className="text-muted-foreground"> (you)</span> : null}
                </span>
                {m.name ? <span className="block text-xs text-muted-foreground">{m.email}</span> : null}
              </Td>
              <Td>
                {editable && !self ? (
                  <RoleForm membershipId={m.membershipId} who={name} role={m.role} options={roleOptions} />
                ) : (
                  <Badge variant={m.role === "owner" ? "default" : "secondary"}>{ROLE_LABEL[m.role]}</Badge>
                )}
              </Td>
              <Td className="whitespace-nowrap">{formatDate(m.joinedAt)}</Td>
              <Td className="text-right whitespace-nowrap tabular-nums">
                {formatCredits(m.spentMillicredits)} credits
                {m.capMillicredits !== null && m.spentMillicredits >= m.capMillicredits ? (
                  <Badge variant="warning" className="ml-2">
                    Cap reached
                  </Badge>
                ) : null}
              </Td>
              <Td>
                {editable ? (
                  <div className="grid gap-1">
                    <CapForm
                      membershipId={m.membershipId}
                      who={name}
                      cap={
                        m.capMillicredits === null ? "" : formatCredits(m.capMillicredits).replaceAll(",", "")
                      }
                    />
                    {m.capMillicredits !== null ? (
                      <ActionButton
                        action={setCapAction}
                        fields={{ membershipId: m.membershipId, cap: "" }}
                        label="Clear cap"
                        ariaLabel={`Clear spend cap for ${name}`}
                        pendingLabel="Clearing…"
                        variant="ghost"
                      />
                    ) : null}
                  </div>
                ) : (
                  <span className="whitespace-nowrap tabular-nums">{capText(m.capMillicredits)}</span>
                )}
              </Td>
              {manages ? (
                <Td className="text-right">
                  {editable && !self ? (
                    <div className="grid justify-items-end gap-2">
                      {isOwner ? (
                        <ActionButton
                          action={transferOwnershipAction}
                          fields={{ membershipId: m.membershipId }}
                          label="Transfer ownership"
                          ariaLabel={`Transfer ownership to ${name}`}
                          pendingLabel="Transferring…"
                          confirm={{
                            warning: `Make ${name} the owner? You become an admin.`,
                            label: "Yes, transfer",
                          }}
                        />
                      ) : null}
                      <ActionButton
                        action={removeMemberAction}
                        fields={{ membershipId: m.membershipId }}
                        label="Remove"
                        ariaLabel={`Remove ${name}`}
                        pendingLabel="Removing…"
                        confirm={{
                          warning: `Remove ${name}? API keys they created are revoked.`,
                          label: "Yes, remove",
                        }}
                      />
                    </div>
                  ) : null}
                </Td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
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
  if (invites.length === 0) return <EmptyState title="No pending invitations" />;
  const now = new Date();
  return (
    <DataTable label="Pending invitations" minWidth="min-w-[48rem]">
      <thead>
        <tr>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Expires</Th>
          <Th>Last sent</Th>
          <Th className="text-right">Actions</Th>
        </tr>
      </thead>
      <tbody>
        {invites.map((invite) => (
          <tr key={invite.id}>
            <Td className="break-all">{invite.email}</Td>
            <Td>{ROLE_LABEL[invite.role]}</Td>
            <Td className="whitespace-nowrap">
              {invite.expiresAt <= now ? (
                <Badge variant="warning">Expired</Badge>
              ) : (
                formatDate(invite.expiresAt)
              )}
            </Td>
            <Td className="whitespace-nowrap">
              {formatDate(invite.lastSentAt)} (
              {invite.sendCount === 1 ? "sent once" : `sent ${formatCount(invite.sendCount)} times`})
            </Td>
            <Td>
              <div className="flex flex-wrap justify-end gap-2">
                <ActionButton
                  action={resendInviteAction}
                  fields={{ id: invite.id }}
                  label="Resend"
                  ariaLabel={`Resend invitation to ${invite.email}`}
                  pendingLabel="Sending…"
                />
                <ActionButton
                  action={revokeInviteAction}
                  fields={{ id: invite.id }}
                  label="Revoke"
                  ariaLabel={`Revoke invitation for ${invite.email}`}
                  pendingLabel="Revoking…"
                  confirm={{ warning: "The link in the email stops working.", label: "Yes, revoke" }}
                />
              </div>
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export function MemberUsageTable({ rows }: { rows: MemberUsageRow[] }) {
  if (rows.length === 0) {
    return (
      <EmptyState title="No calls this month yet">
        <p>Calls made with each member&apos;s API keys are counted here.</p>
      </EmptyState>
    );
  }
  return (
    <DataTable label="Usage by member this month" minWidth="min-w-[32rem]">
      <thead>
        <tr>
          <Th>Member</Th>
          <Th className="text-right">Calls</Th>
          <Th className="text-right">Credits</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.userId ?? "unattributed"}>
            <Td>
              {r.userId === null
                ? "Keys created outside the dashboard"
                : r.email
                  ? who({ name: r.name, email: r.email })
                  : "Former member"}
            </Td>
            <Td className="text-right tabular-nums">{formatCount(Number(r.calls))}</Td>
            <Td className="text-right tabular-nums">{formatCredits(r.millicredits)}</Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
