// GET /dashboard/api-keys — the workspace's API keys; members create their own (shown once), owners and admins manage all.
import { CircleCheck, CircleX, Clock } from "lucide-react";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import {
  KeyCells,
  KeyHeadCells,
  keyStatus,
  keyStatusLabel,
  type KeyStatus,
} from "@/components/api-keys/key-columns";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDashboardContext } from "@/lib/auth/session";
import { can } from "@/lib/workspaces/permissions";
import { formatCredits } from "@/lib/catalog/money";
import { listApiKeys } from "@/lib/metering/api-keys";
import { nextUtcMidnight } from "@/lib/metering/time";
import { formatDate } from "@/lib/utils/format";
import { CreateKeyForm } from "./create-key-form";
import { RevokeKeyButton } from "@/components/api-keys/revoke-key-button";
import { revokeKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

const STATUS_ICON: Record<KeyStatus, ReactNode> = {
  active: <CircleCheck className="size-3.5 text-success" aria-hidden />,
  revoked: <CircleX className="size-3.5 text-destructive" aria-hidden />,
  expired: <Clock className="size-3.5 text-warning" aria-hidden />,
};

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
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
        <p className="text-muted-foreground">
          Your apps send a key as{" "}
          <code className="rounded bg-muted px-1 py-0.5 font-mono text-sm text-foreground">
            Authorization: Bearer tg_…
          </code>{" "}
          on every call to the Tollgate API. Calls are charged to {workspace.name}.
        </p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Create an API key</CardTitle>
          <CardDescription>
            The full key is shown once, right after you create it. Tollgate only keeps a hash.
          </CardDescription>
        </CardHeader>
        <CardContent>
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
        </CardContent>
      </Card>

      {keys.length === 0 ? (
        <EmptyState title="No API keys yet">
          <p>
            {canCreate
              ? "Create one above to let your apps call the Tollgate API."
              : "An owner or admin of this workspace can create one."}
          </p>
        </EmptyState>
      ) : (
        <DataTable label="API keys" minWidth="min-w-[56rem]">
          <thead>
            <tr>
              <KeyHeadCells />
              <Th>Expires</Th>
              <Th className="text-right">Monthly cap</Th>
              <Th>Status</Th>
              {canCreate ? <Th className="text-right">Actions</Th> : null}
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const s = keyStatus(key, now);
              return (
                <tr key={key.id}>
                  <KeyCells apiKey={key} />
                  <Td className="whitespace-nowrap">{key.expiresAt ? formatDate(key.expiresAt) : "Never"}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {key.monthlySpendCapMillicredits === null
                      ? "No cap"
                      : `${formatCredits(key.monthlySpendCapMillicredits)} credits`}
                  </Td>
                  <Td>
                    <Badge variant="outline" className="gap-1 whitespace-nowrap">
                      {STATUS_ICON[s]}
                      {keyStatusLabel[s]}
                    </Badge>
                  </Td>
                  {canCreate ? (
                    <Td className="text-right">
                      {s === "active" && canRevoke(key) ? (
                        <RevokeKeyButton
                          name={key.name}
                          revokeAction={revokeKeyAction}
                          fields={{ id: key.id }}
                        />
                      ) : null}
                    </Td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
