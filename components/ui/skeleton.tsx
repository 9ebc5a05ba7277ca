import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** A pulsing placeholder for content still loading (loading.tsx, Suspense fallbacks). */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden
      className={cn("animate-pulse rounded-md bg-muted motion-reduce:animate-none", className)}
      {...props}
    />
  );
}
