import { DataTable, Td, Th } from "@/components/ui/data-table";
import { RowActions } from "../_components/row-actions";
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
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
