import { Badge } from "@/components/ui/badge";

/** An account's console role. */
export function RoleBadge({ role }: { role: "admin" | "user" }) {
  return (
    <Badge variant={role === "admin" ? "default" : "secondary"}>{role === "admin" ? "Admin" : "User"}</Badge>
  );
}
