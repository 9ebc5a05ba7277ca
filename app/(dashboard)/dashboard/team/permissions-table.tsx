import { Check, Minus } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
      <Table label="Roles and permissions" minWidth="44rem">
        <TableHeader>
          <TableRow>
            <TableHead>Permission</TableHead>
            {MEMBER_ROLES.map((role) => (
              <TableHead key={role} className="text-center">
                {ROLE_LABEL[role]}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {permissions.map((permission) => (
            <TableRow key={permission}>
              <TableHead scope="row" className="bg-transparent font-normal whitespace-normal text-foreground">
                <span className="font-medium">{PERMISSION_INFO[permission].label}</span>
                <span className="block text-xs text-muted-foreground">
                  {PERMISSION_INFO[permission].covers}
                </span>
              </TableHead>
              {MEMBER_ROLES.map((role) => {
                const allowed = PERMISSIONS[permission].includes(role);
                return (
                  <TableCell key={role} label={ROLE_LABEL[role]} className="text-center">
                    {allowed ? (
                      <Check aria-hidden className="size-4 text-success sm:mx-auto" />
                    ) : (
                      <Minus aria-hidden className="size-4 text-muted-foreground sm:mx-auto" />
                    )}
                    <span className="sr-only">{allowed ? "Allowed" : "Not allowed"}</span>
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
