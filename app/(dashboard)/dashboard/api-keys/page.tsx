// GET /dashboard/api-keys — the workspace's API keys; members create their own (shown once), owners and admins manage all.
import type { Metadata } from "next";
import { keyColumns, keyStatus, revokeColumn } from "@/components/api-keys/key-columns";
import { Alert } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDashboardContext } from "@/lib/auth/session";
import { formatCredits } from "@/lib/catalog/money";
import { listApiKeys } from "@/lib/metering/api-keys";
import { nextUtcMidnight } from "@/lib/metering/time";
import { formatDate } from "@/lib/utils/format";
import { can } from "@/lib/workspaces/permissions";
import { revokeKeyAction } from "./actions";
import { CreateKeyForm } from "./create-key-form";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { user, workspace, role } = await getDashboardContext();
  const canManage = can(role, "api_keys.manage");
  const canCreate = can(role, "api_keys.own");
  // Owners and admins see every key; anyone else only the keys they created.
  const keys = await listApiKeys(workspace.id, canManage ? {} : { createdById: user.id });
  const canRevoke = (key: { createdById: string | null }) =>
    canManage || (canCreate && key.createdById === user.id);
  const now = new Date();

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        title="API keys"
        description={
          <p>
            Your apps send a key as{" "}
            <code className="rounded bg-muted px-1 py-0.5 font-mono text-sm text-foreground">
              Authorization: Bearer tg_…
            </code>{" "}
            on every call to the Tollgate API. Calls are charged to {workspace.name}.
          </p>
        }
      />

      <TitledCard
        title="Create an API key"
        description="The full key is shown once, right after you create it. Tollgate only keeps a hash."
      >
        {canCreate ? (
          <CreateKeyForm
            verified={Boolean(user.emailVerifiedAt)}
            minExpiry={nextUtcMidnight(now).toISOString().slice(0, 10)}
            canSetCap={canManage}
          />
        ) : (
          <Alert variant="info">
            Billing members can&apos;t create API keys. Ask an owner or admin for a key, or for a different
            role.
          </Alert>
        )}
      </TitledCard>

      <DataTable
        label="API keys"
        minWidth="48rem"
        rows={keys}
        rowKey={(key) => key.id}
        empty={
          <EmptyState
            title="No API keys yet"
            description={
              canCreate
                ? "Create one above to let your apps call the Tollgate API."
                : "An owner or admin of this workspace can create one."
            }
          />
        }
        columns={[
          ...keyColumns<(typeof keys)[number]>(),
          {
            header: "Expires",
            cell: (key) => (key.expiresAt ? formatDate(key.expiresAt) : "Never"),
            className: "whitespace-nowrap",
          },
          {
            header: "Monthly cap",
            kind: "money",
            cell: (key) =>
              key.monthlySpendCapMillicredits === null
                ? "No cap"
                : `${formatCredits(key.monthlySpendCapMillicredits)} credits`,
          },
          { header: "Status", cell: (key) => <StatusBadge status={keyStatus(key, now)} /> },
          ...(canCreate
            ? [
                revokeColumn<(typeof keys)[number]>(
                  revokeKeyAction,
                  (key) => ({ id: key.id }),
                  (key) => keyStatus(key, now) === "active" && canRevoke(key),
                ),
              ]
            : []),
        ]}
      />
    </div>
  );
}
