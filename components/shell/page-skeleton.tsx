import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils/cn";

// What a dashboard or console page looks like while its data streams in: the page header, a row of
// cards and a table, inside the same frame the pages use (so nothing jumps when they arrive).
export function PageSkeleton({ className }: { className?: string }) {
  return (
    <div role="status" aria-busy="true" className={cn("mx-auto grid max-w-5xl gap-6", className)}>
      <span className="sr-only">Loading…</span>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-5 w-full max-w-md" />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        {[0, 1, 2].map((card) => (
          <Card key={card} className="grid gap-3 p-6">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-8 w-32" />
          </Card>
        ))}
      </div>
      <div className="grid gap-px overflow-hidden rounded-lg border bg-card">
        <Skeleton className="h-11 rounded-none" />
        {[0, 1, 2, 3, 4].map((row) => (
          <div key={row} className="flex items-center gap-4 border-t px-4 py-3">
            <Skeleton className="h-4 flex-1" />
            <Skeleton className="hidden h-4 w-24 sm:block" />
            <Skeleton className="h-8 w-20" />
          </div>
        ))}
      </div>
    </div>
  );
}
