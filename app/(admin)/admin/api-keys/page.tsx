// GET /admin/api-keys — admin API keys (tga_...) for the management API
import type { Metadata } from "next";
import { KeyCells, KeyHeadCells } from "@/components/api-keys/key-columns";
import { RevokeKeyButton } from "@/components/api-keys/revoke-key-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { listAdminApiKeys } from "@/lib/metering/api-keys";
import { revokeAdminKeyAction } from "./actions";
import { CreateAdminKeyForm } from "./create-admin-key-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin API keys" };

export default async function AdminApiKeysPage() {
  await requireAdmin();
  const keys = await listAdminApiKeys();
  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Admin API keys</h1>
        <p className="text-muted-foreground">
          Keys for the management API (<code className="font-mono text-sm">/api/v1/admin/…</code>): your own
          backend creates workspaces, grants credits and issues workspace keys with them. The key in{" "}
          <code className="font-mono text-sm">TOLLGATE_ADMIN_API_KEY</code> appears here after its first use.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Create a key</CardTitle>
          <CardDescription>
            It is shown once. Anyone holding it can change every workspace&apos;s credits and plans.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateAdminKeyForm />
        </CardContent>
      </Card>
      {keys.length === 0 ? (
        <EmptyState title="No admin API keys yet" />
      ) : (
        <DataTable label="Admin API keys">
          <thead>
            <tr>
              <KeyHeadCells />
              <Th>Status</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <KeyCells apiKey={key} />
                <Td>
                  <Badge variant="outline">{key.revokedAt ? "Revoked" : "Active"}</Badge>
                </Td>
                <Td className="text-right">
                  {key.revokedAt ? null : (
                    <RevokeKeyButton
                      name={key.name}
                      revokeAction={revokeAdminKeyAction}
                      fields={{ id: key.id }}
                    />
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
