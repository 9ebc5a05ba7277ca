import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { ConfirmDialog } from "../_components/confirm-dialog";
import { deleteAppAction } from "./actions";

type AppRow = { id: string; key: string; name: string; description: string; modelCount: number };

export function AppTable({ apps }: { apps: AppRow[] }) {
  return (
    <DataTable label="Apps">
      <thead>
        <tr>
          <Th>App</Th>
          <Th>Description</Th>
          <Th className="text-right">Models</Th>
          <Th className="text-right">Actions</Th>
        </tr>
      </thead>
      <tbody>
        {apps.map((app) => (
          <tr key={app.id}>
            <Th scope="row" className="border-b bg-transparent font-normal text-foreground">
              <span className="block font-medium">{app.name}</span>
              <span className="block font-mono text-xs text-muted-foreground">{app.key}</span>
            </Th>
            <Td className="text-muted-foreground">{app.description || "—"}</Td>
            <Td className="text-right tabular-nums">{app.modelCount}</Td>
            <Td>
              <div className="flex justify-end gap-2">
                <Button asChild variant="outline" size="sm">
                  <Link href={`/admin/catalog/models/apps/${app.id}`} aria-label={`Edit ${app.name}`}>
                    Edit
                  </Link>
                </Button>
                {/* An app with models can't go: its models' keys and history depend on it. */}
                {app.modelCount === 0 ? (
                  <ConfirmDialog
                    trigger="Delete"
                    triggerVariant="outline"
                    triggerLabel={`Delete ${app.name}`}
                    title={`Delete ${app.name}?`}
                    description="The app has no models, so nothing else changes. This can't be undone."
                    confirmLabel="Delete app"
                    pendingLabel="Deleting…"
                    action={deleteAppAction}
                    fields={{ id: app.id }}
                  />
                ) : null}
              </div>
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
