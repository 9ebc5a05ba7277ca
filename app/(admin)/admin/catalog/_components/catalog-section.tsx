import type { ComponentProps, ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { cn } from "@/lib/utils/cn";

/** One section of a catalog page under the layout's "Catalog" h1: its h2 header, then its content. */
export function CatalogSection({
  children,
  className,
  ...header
}: Omit<ComponentProps<typeof PageHeader>, "level"> & { children: ReactNode }) {
  return (
    <section className={cn("grid min-w-0 gap-4", className)}>
      <PageHeader level={2} {...header} />
      {children}
    </section>
  );
}

/** A catalog row's name over its machine key, the row's header cell content. */
export function NameKey({ name, code }: { name: ReactNode; code: string }) {
  return (
    <>
      <span className="block font-medium">{name}</span>
      <span className="block font-mono text-xs font-normal text-muted-foreground">{code}</span>
    </>
  );
}
