// GET /admin/api-keys — admin API keys (tga_...) for the management API
import type { Metadata } from "next";
import { keyColumns, revokeColumn } from "@/components/api-keys/key-columns";
import { StatusBadge } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { listAdminApiKeys } from "@/lib/metering/api-keys";
import { AdminPage } from "../../_components/admin-page";
import { revokeAdminKeyAction } from "./actions";
import { CreateAdminKeyForm } from "./create-admin-key-form";
import { scopesLabel } from "@/lib/auth/admin-roles";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin API keys" };

type Key = Awaited<ReturnType<typeof listAdminApiKeys>>[number];

export default async function AdminApiKeysPage() {
  await requireAdmin("settings");
  const keys = await listAdminApiKeys();
  return (
    <AdminPage
      title="Admin API keys"
      description={
        <p>
          Keys for the management API (<code className="font-mono text-sm">/api/v1/admin/…</code>): your own
          backend creates workspaces, grants credits and issues workspace keys with them. The key in{" "}
          <code className="font-mono text-sm">TOLLGATE_ADMIN_API_KEY</code> appears here after its first use.
        </p>
      }
    >
      <TitledCard
        title="Create a key"
        description="It is shown once. Anyone holding it can change every workspace's credits and plans."
      >
        <CreateAdminKeyForm />
      </TitledCard>
      <DataTable<Key>
        label="Admin API keys"
        rows={keys}
        rowKey={(key) => key.id}
        empty={<EmptyState title="No admin API keys yet" />}
        columns={[
          ...keyColumns<Key>(),
          { header: "Scopes", cell: (key) => scopesLabel(key.scopes) },
          { header: "Status", cell: (key) => <StatusBadge status={key.revokedAt ? "revoked" : "active"} /> },
          revokeColumn<Key>(
            revokeAdminKeyAction,
            (key) => ({ id: key.id }),
            (key) => !key.revokedAt,
          ),
        ]}
      />
    </AdminPage>
  );
}
