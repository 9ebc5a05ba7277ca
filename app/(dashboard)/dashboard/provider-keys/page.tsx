// GET /dashboard/provider-keys — the workspace's own provider keys (BYOK); owners and admins add, replace and remove them.
import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmItemButton } from "@/components/ui/confirm-button";
import { PageHeader } from "@/components/ui/page-header";
import { getDashboardContext } from "@/lib/auth/session";
import { can } from "@/lib/workspaces/permissions";
import { byokProviders, listProviderKeys } from "@/lib/byok/keys";
import { formatDate, formatDateTime } from "@/lib/utils/format";
import { removeProviderKeyAction } from "./actions";
import { ProviderKeyForm } from "./provider-key-form";
import { providerLabel } from "./providers";

export const metadata: Metadata = { title: "Provider keys" };

const code = "rounded bg-muted px-1 py-0.5 font-mono text-sm text-foreground";

export default async function ProviderKeysPage() {
  const { workspace, role } = await getDashboardContext();
  const keys = new Map((await listProviderKeys(workspace.id)).map((k) => [k.provider, k]));
  const canManage = can(role, "provider_keys.manage");

  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <PageHeader
        title="Provider keys"
        description={
          <div className="grid gap-2">
            <p>
              Bring your own key: when {workspace.name} has a key for a model&apos;s provider, calls to{" "}
              <code className={`${code} break-all`}>POST /api/v1/chat/completions</code> use your key instead
              of Tollgate&apos;s.
            </p>
            <p>
              The provider bills you for those calls directly, so Tollgate records them as billed{" "}
              <strong className="text-foreground">byok</strong> with no markup and charges 0 credits. Without
              a key, calls use Tollgate&apos;s key and are charged in credits.
            </p>
          </div>
        }
      />

      {canManage ? null : (
        <Alert variant="info">
          Only workspace owners and admins can add, replace or remove provider keys.
        </Alert>
      )}

      {byokProviders().map((provider) => {
        const key = keys.get(provider);
        const label = providerLabel(provider);
        return (
          <Card key={provider}>
            <CardHeader>
              <CardTitle className="flex flex-wrap items-center gap-2">
                <KeyRound className="size-4" aria-hidden />
                {label}
                <Badge variant={key ? "default" : "outline"}>{key ? "Your key" : "Tollgate's key"}</Badge>
              </CardTitle>
              <CardDescription>
                {key
                  ? `Calls to ${label} models use your key and are billed “byok”.`
                  : `No key saved. Calls to ${label} models are charged in credits.`}
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-6">
              {key ? (
                <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
                  <div className="grid gap-0.5">
                    <dt className="text-muted-foreground">Saved key</dt>
                    <dd className="font-mono">{`•••• ${key.last4}`}</dd>
                  </div>
                  <div className="grid gap-0.5">
                    <dt className="text-muted-foreground">Added</dt>
                    <dd>{formatDate(key.updatedAt)}</dd>
                  </div>
                  <div className="grid gap-0.5">
                    <dt className="text-muted-foreground">Last used</dt>
                    <dd>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}</dd>
                  </div>
                </dl>
              ) : null}
              {canManage ? (
                <div className="grid gap-4">
                  <ProviderKeyForm provider={provider} label={label} replacing={Boolean(key)} />
                  {key ? (
                    <ConfirmItemButton
                      verb="Remove"
                      item={`${label} key`}
                      triggerClassName="justify-self-start"
                      title={`Remove your ${label} key?`}
                      description={`Calls to ${label} models will use Tollgate's key again and be charged in credits.`}
                      confirmAriaLabel={`Yes, remove ${label} key`}
                      pendingLabel="Removing…"
                      action={removeProviderKeyAction}
                      fields={{ provider }}
                    />
                  ) : null}
                </div>
              ) : null}
            </CardContent>
          </Card>
        );
      })}
    </div>
  );
}
