import { CircleAlert, CircleCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";

// Outline badge with a coloured icon: coloured text on a tinted fill is too faint in light mode.
export function VerifiedBadge({ verified }: { verified: boolean }) {
  return (
    <Badge variant="outline" className="gap-1">
      {verified ? (
        <CircleCheck className="size-3.5 text-success" aria-hidden />
      ) : (
        <CircleAlert className="size-3.5 text-warning" aria-hidden />
      )}
      {verified ? "Verified" : "Not verified"}
    </Badge>
  );
}
