import { cva, type VariantProps } from "class-variance-authority";
import {
  Ban,
  Circle,
  CircleAlert,
  CircleCheck,
  CircleDashed,
  CirclePause,
  CircleSlash,
  CircleX,
  Clock,
  Lock,
  RotateCcw,
  Send,
  type LucideIcon,
} from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

export const badgeVariants = cva(
  "inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap [&_svg]:size-3.5 [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        default: "border-transparent bg-primary text-primary-foreground",
        secondary: "border-transparent bg-secondary text-secondary-foreground",
        outline: "text-foreground",
        success: "border-transparent bg-success/15 text-success",
        warning: "border-transparent bg-warning/15 text-warning",
        destructive: "border-transparent bg-destructive/15 text-destructive",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

export function Badge({
  className,
  variant,
  ...props
}: ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
  return <span data-slot="badge" className={cn(badgeVariants({ variant }), className)} {...props} />;
}

// ---------------------------------------------------------------------------------------------
// One vocabulary of statuses: every status the app shows maps here to ONE label and ONE look, so
// a workspace is "Suspended" and an email "Unverified" on every page. The look is an outline
// badge with a coloured icon (coloured text on a tinted fill is too faint in light mode); the
// icon differs per tone, so the colour is never the only cue.

type Tone = "success" | "warning" | "danger" | "info" | "neutral";

const toneClass: Record<Tone, string> = {
  success: "text-success",
  warning: "text-warning",
  danger: "text-destructive",
  info: "text-primary",
  neutral: "text-muted-foreground",
};

const s = (label: string, tone: Tone, icon: LucideIcon) => ({ label, tone, icon });

export const STATUSES = {
  // Subscriptions and workspaces
  active: s("Active", "success", CircleCheck),
  trialing: s("Trialing", "info", Clock),
  past_due: s("Past due", "danger", CircleAlert),
  canceled: s("Canceled", "neutral", CircleX),
  incomplete: s("Incomplete", "warning", CircleDashed),
  suspended: s("Suspended", "danger", CirclePause),
  inactive: s("Inactive", "neutral", Circle),
  archived: s("Archived", "neutral", Circle),
  enabled: s("Enabled", "success", CircleCheck),
  disabled: s("Disabled", "neutral", Ban),
  // Email addresses, two-factor
  verified: s("Verified", "success", CircleCheck),
  unverified: s("Unverified", "warning", CircleAlert),
  on: s("On", "success", CircleCheck),
  off: s("Off", "warning", CircleAlert),
  // Payments
  paid: s("Paid", "success", CircleCheck),
  refunded: s("Refunded", "neutral", RotateCcw),
  partially_refunded: s("Partially refunded", "warning", RotateCcw),
  // Deliveries, jobs, webhooks, outbox
  pending: s("Pending", "warning", Clock),
  queued: s("Queued", "warning", Clock),
  sending: s("Sending", "info", Send),
  sent: s("Sent", "success", CircleCheck),
  succeeded: s("Succeeded", "success", CircleCheck),
  processed: s("Processed", "success", CircleCheck),
  failed: s("Failed", "danger", CircleX),
  rejected: s("Rejected", "danger", Ban),
  ignored: s("Ignored", "neutral", Circle),
  // Keys, invitations, coupons
  revoked: s("Revoked", "neutral", Ban),
  expired: s("Expired", "warning", Clock),
  scheduled: s("Scheduled", "info", Clock),
  used_up: s("Used up", "neutral", CircleSlash),
  // Catalog: a public tier with no models yet is not on sale
  draft: s("Draft", "warning", CircleDashed),
  // Models on a plan
  included: s("Included", "success", CircleCheck),
  locked: s("Locked", "neutral", Lock),
} as const;

export type Status = keyof typeof STATUSES;

/** The label a status shows everywhere (for filters, exports and sentences). */
export const statusLabel = (status: Status) => STATUSES[status].label;

/** A status as its badge. `children` replaces the label when it says more ("On since 2 May"). */
export function StatusBadge({
  status,
  children,
  className,
}: {
  status: Status;
  children?: ReactNode;
  className?: string;
}) {
  const { label, tone, icon: Icon } = STATUSES[status];
  return (
    <Badge variant="outline" data-status={status} className={className}>
      <Icon className={toneClass[tone]} aria-hidden />
      {children ?? label}
    </Badge>
  );
}
