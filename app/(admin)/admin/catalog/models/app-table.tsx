import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { NameKey } from "../_components/catalog-section";
import { RowActions } from "../_components/row-actions";
import { deleteAppAction } from "./actions";

type AppRow = { id: string; key: string; name: string; description: string; modelCount: number };

export function AppTable({ apps }: { apps: AppRow[] }) {
  return (
    <DataTable<AppRow>
      label="Apps"
      rows={apps}
      rowKey={(app) => app.id}
      empty={<EmptyState title="No apps yet" />}
      columns={[
        { header: "App", kind: "primary", cell: (app) => <NameKey name={app.name} code={app.key} /> },
        { header: "Description", className: "text-muted-foreground", cell: (app) => app.description || "—" },
        { header: "Models", kind: "numeric", cell: (app) => app.modelCount },
        {
          header: "Actions",
          kind: "actions",
          cell: (app) => (
            <RowActions
              name={app.name}
              editHref={`/admin/catalog/models/apps/${app.id}`}
              // An app with models can't go: its models' keys and history depend on it.
              remove={
                app.modelCount === 0
                  ? {
                      id: app.id,
                      confirmLabel: "Delete app",
                      action: deleteAppAction,
                      description: "The app has no models, so nothing else changes. This can't be undone.",
                    }
                  : undefined
              }
            />
          ),
        },
      ]}
    />
  );
}
