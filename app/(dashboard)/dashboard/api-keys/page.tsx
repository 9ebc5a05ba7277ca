// GET /dashboard/api-keys — the workspace's API keys; owners and admins create (shown once) and revoke them.
import { CircleCheck, CircleX, Clock } from "lucide-react";
import type { Metadata } from "next";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDashboardContext } from "@/lib/auth/session";
import { formatCredits } from "@/lib/catalog/money";
import type { ApiKey } from "@/lib/db";
import { listApiKeys } from "@/lib/metering/api-keys";
import { nextUtcMidnight } from "@/lib/metering/time";
import { formatDate, formatDateTime } from "@/lib/utils/format";
import { CreateKeyForm } from "./create-key-form";
import { RevokeKeyButton } from "@/components/api-keys/revoke-key-button";
import { revokeKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

type Status = "active" | "revoked" | "expired";

const status = (key: ApiKey, now: Date): Status => (key.revokedAt ? "revoked" : key.expiresAt && key.expiresAt <= now ? "expired" : "active");

const STATUS = {
  active: { label: "Active", icon: <CircleCheck className="size-3.5 text-success" aria-hidden /> },
  revoked: { label: "Revoked", icon: <CircleX className="size-3.5 text-destructive" aria-hidden /> },
  expired: { label: "Expired", icon: <Clock className="size-3.5 text-warning" aria-hidden /> },
};

export default async function ApiKeysPage() {
  const { user, workspace, role } = await getDashboardContext();
  const keys = await listApiKeys(workspace.id);
  const canManage = role === "owner" || role === "admin";
  const now = new Date();

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
        <p className="text-muted-foreground">
          Your apps send a key as <code className="rounded bg-muted px-1 py-0.5 font-mono text-sm text-foreground">Authorization: Bearer tg_…</code> on every
          call to the Tollgate API. Calls are charged to {workspace.name}.
        </p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Create an API key</CardTitle>
          <CardDescription>The full key is shown once, right after you create it. Tollgate only keeps a hash.</CardDescription>
        </CardHeader>
        <CardContent>
          {canManage ? (
            <CreateKeyForm verified={Boolean(user.emailVerifiedAt)} minExpiry={nextUtcMidnight(now).toISOString().slice(0, 10)} />
          ) : (
            <Alert variant="info">Only workspace owners and admins can create API keys. Ask one of them for a key, or to make you an admin.</Alert>
          )}
        </CardContent>
      </Card>

      {keys.length === 0 ? (
        <EmptyState title="No API keys yet">
          <p>{canManage ? "Create one above to let your apps call the Tollgate API." : "An owner or admin of this workspace can create one."}</p>
        </EmptyState>
      ) : (
        <DataTable label="API keys" minWidth="min-w-[56rem]">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Key</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>Expires</Th>
              <Th className="text-right">Monthly cap</Th>
              <Th>Status</Th>
              {canManage ? <Th className="text-right">Actions</Th> : null}
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const s = status(key, now);
              return (
                <tr key={key.id}>
                  <Td className="font-medium break-words">{key.name}</Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{key.prefix}…</Td>
                  <Td className="whitespace-nowrap">{formatDate(key.createdAt)}</Td>
                  <Td className="whitespace-nowrap">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}</Td>
                  <Td className="whitespace-nowrap">{key.expiresAt ? formatDate(key.expiresAt) : "Never"}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">
                    {key.monthlySpendCapMillicredits === null ? "No cap" : `${formatCredits(key.monthlySpendCapMillicredits)} credits`}
                  </Td>
                  <Td>
                    <Badge variant="outline" className="gap-1 whitespace-nowrap">
                      {STATUS[s].icon}
                      {STATUS[s].label}
                    </Badge>
                  </Td>
                  {canManage ? <Td className="text-right">{s === "active" ? <RevokeKeyButton id={key.id} name={key.name} revokeAction={revokeKeyAction} /> : null}</Td> : null}
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
