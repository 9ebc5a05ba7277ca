import { CircleCheck, CirclePause } from "lucide-react";
import { Badge } from "@/components/ui/badge";

export function WorkspaceStatusBadge({ suspended }: { suspended: boolean }) {
  return (
    <Badge variant="outline" className="gap-1 whitespace-nowrap">
      {suspended ? (
        <CirclePause className="size-3.5 text-destructive" aria-hidden />
      ) : (
        <CircleCheck className="size-3.5 text-success" aria-hidden />
      )}
      {suspended ? "Suspended" : "Active"}
    </Badge>
  );
}

export const accountTypeLabel = (type: "payg" | "subscription") =>
  type === "payg" ? "Pay as you go" : "Subscription";

/** The live subscription's tier name, or Free without one. */
export const planName = (subscriptions: { tier: { name: string } }[]) =>
  subscriptions[0]?.tier.name ?? "Free";
