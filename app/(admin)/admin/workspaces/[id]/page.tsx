// GET /admin/workspaces/[id] — one workspace: profile, plan, ledger, usage, keys, members and audit, a tab at a time.
import { z } from "zod";
import { accountTypeLabel, planName } from "@/components/admin/workspace-labels";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { TabLinks } from "@/components/ui/tabs";
import { parsePage } from "@/components/ui/pagination";
import type { SearchParams } from "@/lib/admin/filters";
import { getWorkspaceDetail } from "@/lib/admin/workspaces";
import { can } from "@/lib/auth/admin-roles";
import { requireAdmin } from "@/lib/auth/session";
import { AdminPage } from "../../../_components/admin-page";
import { adminRecord, type RecordProps } from "../../../_components/admin-record";
import { AuditTab } from "./audit-tab";
import { KeysTab } from "./keys-tab";
import { LedgerTab } from "./ledger-tab";
import { MembersTab } from "./members-tab";
import { ProfileTab } from "./profile-tab";
import { SubscriptionTab } from "./subscription-tab";
import { UsageTab } from "./usage-tab";

type Props = RecordProps & { searchParams: Promise<SearchParams> };

const TABS = [
  { key: "profile", label: "Profile" },
  { key: "subscription", label: "Subscription" },
  { key: "ledger", label: "Ledger" },
  { key: "usage", label: "Usage" },
  { key: "keys", label: "API keys" },
  { key: "members", label: "Members" },
  { key: "audit", label: "Audit" },
] as const;

const tabSchema = z.enum(TABS.map((t) => t.key) as [Tab, ...Tab[]]).catch("profile");
type Tab = (typeof TABS)[number]["key"];

const record = adminRecord("Workspace", getWorkspaceDetail, "name");

export const generateMetadata = record.metadata;

export default async function WorkspacePage(props: Props) {
  const [ws, admin] = await Promise.all([record.load(props), requireAdmin()]);
  const params = await props.searchParams;
  const tab = tabSchema.parse(params.tab);
  const page = parsePage(params.page);
  const basePath = `/admin/workspaces/${ws.id}`;
  const may = { credits: can(admin.adminRole, "credits"), workspaces: can(admin.adminRole, "workspaces") };
  const tabProps = { ws, page, pager: { basePath, params: { tab } }, may };

  return (
    <AdminPage
      title={ws.name}
      back={{ href: "/admin/workspaces", label: "Back to workspaces" }}
      description={
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Badge variant="secondary">{planName(ws.subscriptions)}</Badge>
          <StatusBadge status={ws.suspendedAt ? "suspended" : "active"} />
          <span>{accountTypeLabel(ws.accountType)}</span>
          <span aria-hidden>·</span>
          <span>{ws.personal ? "Personal" : "Team"}</span>
        </div>
      }
    >
      <TabLinks
        label="Workspace sections"
        links={TABS.map((t, i) => ({
          href: i === 0 ? basePath : `${basePath}?tab=${t.key}`,
          label: t.label,
        }))}
        current={tab === "profile" ? basePath : `${basePath}?tab=${tab}`}
      />
      {tab === "profile" ? <ProfileTab {...tabProps} /> : null}
      {tab === "subscription" ? <SubscriptionTab {...tabProps} /> : null}
      {tab === "ledger" ? <LedgerTab {...tabProps} /> : null}
      {tab === "usage" ? <UsageTab {...tabProps} /> : null}
      {tab === "keys" ? <KeysTab {...tabProps} /> : null}
      {tab === "members" ? <MembersTab {...tabProps} /> : null}
      {tab === "audit" ? <AuditTab {...tabProps} /> : null}
    </AdminPage>
  );
}
