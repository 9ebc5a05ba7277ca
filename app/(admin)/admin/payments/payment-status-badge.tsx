import { CircleCheck, CircleX, RotateCcw } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { PaymentStatus } from "@/lib/db";
import { STATUS_LABEL } from "./format";

// Outline badge with a coloured icon, like the console's other status badges.
const statusIcon = {
  paid: <CircleCheck className="size-3.5 text-success" aria-hidden />,
  failed: <CircleX className="size-3.5 text-destructive" aria-hidden />,
  refunded: <RotateCcw className="size-3.5 text-muted-foreground" aria-hidden />,
  partially_refunded: <RotateCcw className="size-3.5 text-warning" aria-hidden />,
} satisfies Record<PaymentStatus, ReactNode>;

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  return (
    <Badge variant="outline" className="gap-1 whitespace-nowrap">
      {statusIcon[status]}
      {STATUS_LABEL[status]}
    </Badge>
  );
}
