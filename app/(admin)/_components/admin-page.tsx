import type { ComponentProps, ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { cn } from "@/lib/utils/cn";

/** An admin console page: its PageHeader, then its sections, in the console's one column. */
export function AdminPage({
  children,
  className,
  ...header
}: ComponentProps<typeof PageHeader> & { children: ReactNode }) {
  return (
    <div className={cn("mx-auto grid w-full max-w-6xl min-w-0 gap-6", className)}>
      <PageHeader {...header} />
      {children}
    </div>
  );
}
