import { CircleAlert, CircleCheck, CircleX, Clock, Send } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { EmailStatus } from "@/lib/db";

// Outline badges with a coloured icon: coloured text on a tinted fill is too faint in light mode.
export function VerifiedBadge({ verified }: { verified: boolean }) {
  return (
    <Badge variant="outline" className="gap-1 whitespace-nowrap">
      {verified ? (
        <CircleCheck className="size-3.5 text-success" aria-hidden />
      ) : (
        <CircleAlert className="size-3.5 text-warning" aria-hidden />
      )}
      {verified ? "Verified" : "Unverified"}
    </Badge>
  );
}

const statusIcon = {
  queued: <Clock className="size-3.5 text-warning" aria-hidden />,
  sending: <Send className="size-3.5 text-primary" aria-hidden />,
  sent: <CircleCheck className="size-3.5 text-success" aria-hidden />,
  failed: <CircleX className="size-3.5 text-destructive" aria-hidden />,
} satisfies Record<EmailStatus, ReactNode>;

const statusLabel: Record<EmailStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
};

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  return (
    <Badge variant="outline" className="gap-1 whitespace-nowrap">
      {statusIcon[status]}
      {statusLabel[status]}
    </Badge>
  );
}
