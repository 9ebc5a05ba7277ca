import { AuditTable } from "@/components/admin/audit-table";
import { Pagination } from "@/components/ui/pagination";
import { workspaceAudit } from "@/lib/admin/workspaces";
import { sectionHeading, type TabProps } from "./tab-props";

export async function AuditTab({ ws, page, basePath }: TabProps) {
  const audit = await workspaceAudit(ws.id, page);
  return (
    <section className="grid gap-3" aria-labelledby="audit">
      <h2 id="audit" className={sectionHeading}>
        Audit log
      </h2>
      <p className="text-sm text-muted-foreground">
        Changes to this workspace and its API keys, newest first.
      </p>
      <AuditTable
        label="Audit entries for this workspace, newest first"
        entries={audit.rows}
        emptyTitle="No audit entries yet"
      />
      {audit.total > 0 ? (
        <Pagination
          basePath={basePath}
          params={{ tab: "audit" }}
          page={audit.page}
          pageCount={audit.pageCount}
          total={audit.total}
          noun={audit.total === 1 ? "entry" : "entries"}
        />
      ) : null}
    </section>
  );
}
