import { CircleCheck, CircleX, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { HealthLevel } from "@/lib/analytics/health-levels";

// Each level has its own icon and word as well as its colour, so it reads without colour too.
const LEVELS: Record<HealthLevel, { label: string; icon: typeof CircleCheck; tone: string }> = {
  ok: { label: "OK", icon: CircleCheck, tone: "text-success" },
  warning: { label: "Warning", icon: TriangleAlert, tone: "text-warning" },
  critical: { label: "Critical", icon: CircleX, tone: "text-destructive" },
};

/** A left edge in the level's colour, for a card that holds one check. */
export const healthEdge: Record<HealthLevel, string> = {
  ok: "border-l-success",
  warning: "border-l-warning",
  critical: "border-l-destructive",
};

export function HealthBadge({ level }: { level: HealthLevel }) {
  const { label, icon: Icon, tone } = LEVELS[level];
  return (
    <Badge variant="outline" data-level={level}>
      <Icon className={tone} aria-hidden />
      {label}
    </Badge>
  );
}
