import { Check, Minus } from "lucide-react";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import {
  MEMBER_ROLES,
  PERMISSION_INFO,
  PERMISSIONS,
  ROLE_LABEL,
  type Permission,
} from "@/lib/workspaces/permissions";

// Rendered from the same table every permission check reads, so the page cannot drift from the rules.
export function PermissionsTable() {
  const permissions = Object.keys(PERMISSIONS) as Permission[];
  return (
    <section aria-labelledby="roles-title" className="grid gap-3">
      <div className="grid gap-1">
        <h2 id="roles-title" className="text-lg font-semibold">
          Roles and permissions
        </h2>
        <p className="text-sm text-muted-foreground">
          What each role may do in a team. An admin cannot change or remove an owner, or make someone owner.
        </p>
      </div>
      <DataTable label="Roles and permissions" minWidth="min-w-[44rem]">
        <thead>
          <tr>
            <Th>Permission</Th>
            {MEMBER_ROLES.map((role) => (
              <Th key={role} className="text-center">
                {ROLE_LABEL[role]}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {permissions.map((permission) => (
            <tr key={permission}>
              <Th scope="row" className="bg-transparent font-normal whitespace-normal text-foreground">
                <span className="font-medium">{PERMISSION_INFO[permission].label}</span>
                <span className="block text-xs text-muted-foreground">
                  {PERMISSION_INFO[permission].covers}
                </span>
              </Th>
              {MEMBER_ROLES.map((role) => {
                const allowed = PERMISSIONS[permission].includes(role);
                return (
                  <Td key={role} className="text-center">
                    {allowed ? (
                      <Check aria-hidden className="mx-auto size-4 text-success" />
                    ) : (
                      <Minus aria-hidden className="mx-auto size-4 text-muted-foreground" />
                    )}
                    <span className="sr-only">{allowed ? "Allowed" : "Not allowed"}</span>
                  </Td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
