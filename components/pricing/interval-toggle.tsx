import { Badge } from "@/components/ui/badge";
import { IntervalButtons } from "./interval-choice";

export function IntervalToggle({ saving }: { saving: string | null }) {
  return (
    <div className="flex flex-col items-center gap-3 sm:flex-row sm:justify-center">
      <IntervalButtons />
      {saving ? (
        <Badge variant="secondary" data-testid="annual-saving">
          Annual: {saving}
        </Badge>
      ) : null}
    </div>
  );
}
