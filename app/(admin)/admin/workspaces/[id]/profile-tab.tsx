import Link from "next/link";
import { Detail, DetailList, linkClass } from "@/components/admin/detail-list";
import { accountTypeLabel, planName } from "@/components/admin/workspace-labels";
import { TitledCard } from "@/components/ui/card";
import { creditsLabel } from "@/lib/catalog/money";
import { formatDateTime } from "@/lib/utils/format";
import { SuspendControls } from "./suspend-controls";
import type { TabProps } from "./tab-props";

export function ProfileTab({ ws, may }: TabProps) {
  const owner = ws.memberships[0]?.user;
  return (
    <div className="grid gap-6">
      <TitledCard title="Profile">
        <DetailList>
          <Detail label="Name">{ws.name}</Detail>
          <Detail label="Slug">
            <span className="font-mono text-xs">{ws.slug}</span>
          </Detail>
          <Detail label="Kind">{ws.personal ? "Personal workspace" : "Team workspace"}</Detail>
          <Detail label="Owner">
            {owner ? (
              <Link href={`/admin/users/${owner.id}`} className={`${linkClass} break-all`}>
                {owner.email}
              </Link>
            ) : (
              "No owner"
            )}
          </Detail>
          <Detail label="Account type">{accountTypeLabel(ws.accountType)}</Detail>
          <Detail label="Plan">{planName(ws.subscriptions)}</Detail>
          <Detail label="Balance">{creditsLabel(ws.balanceMillicredits)}</Detail>
          <Detail label="Overage to credits">{ws.overageEnabled ? "On" : "Off"}</Detail>
          <Detail label="Suspended since">
            {ws.suspendedAt ? formatDateTime(ws.suspendedAt) : "Not suspended"}
          </Detail>
          <Detail label="Created">{formatDateTime(ws.createdAt)}</Detail>
          <Detail label="Members">{ws._count.memberships}</Detail>
          <Detail label="API keys">{ws._count.apiKeys}</Detail>
        </DetailList>
      </TitledCard>
      {may.workspaces ? (
        <TitledCard
          title={ws.suspendedAt ? "Suspended" : "Suspension"}
          description={
            <>
              {ws.suspendedAt
                ? "API calls with this workspace's keys are refused with 403 workspace_suspended."
                : "Suspending refuses every API call with this workspace's keys at once. Nothing is deleted."}
            </>
          }
        >
          <SuspendControls workspaceId={ws.id} name={ws.name} suspended={Boolean(ws.suspendedAt)} />
        </TitledCard>
      ) : null}
    </div>
  );
}
