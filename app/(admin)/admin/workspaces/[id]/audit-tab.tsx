import { AuditSection } from "@/components/admin/audit-table";
import { workspaceAudit } from "@/lib/admin/workspaces";
import type { TabProps } from "./tab-props";

export async function AuditTab({ ws, page, pager }: TabProps) {
  return (
    <AuditSection
      description="Changes to this workspace and its API keys, newest first."
      label="Audit entries for this workspace, newest first"
      emptyTitle="No audit entries yet"
      audit={await workspaceAudit(ws.id, page)}
      basePath={pager.basePath}
      params={pager.params}
    />
  );
}
