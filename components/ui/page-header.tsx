import { ArrowLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

type Crumb = { href: string; label: string };

const crumbLink =
  "rounded-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none";

/**
 * The top of a page: its one <h1>, a line of description, the page's own actions on the right,
 * and optionally a back link or a breadcrumb above. `children` go under the title (badges, meta).
 * With level={2}, the same for a section under a layout's h1 (the catalog's tiers, models…).
 */
export function PageHeader({
  title,
  description,
  actions,
  back,
  breadcrumb,
  children,
  className,
  level = 1,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** A "Back to …" link above the title. */
  back?: Crumb;
  /** The trail above the title, current page excluded. */
  breadcrumb?: Crumb[];
  children?: ReactNode;
  className?: string;
  /** 2 for a section's header under a layout's h1 (a smaller h2). */
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <div data-slot="page-header" className={cn("grid min-w-0 gap-3", className)}>
      {back ? (
        <Link href={back.href} className={cn(crumbLink, "inline-flex w-fit items-center gap-1 text-sm")}>
          <ArrowLeft className="size-4" aria-hidden /> {back.label}
        </Link>
      ) : null}
      {breadcrumb?.length ? (
        <nav aria-label="Breadcrumb">
          <ol className="flex flex-wrap items-center gap-1 text-sm">
            {breadcrumb.map((crumb) => (
              <li key={crumb.href} className="flex items-center gap-1">
                <Link href={crumb.href} className={crumbLink}>
                  {crumb.label}
                </Link>
                <ChevronRight className="size-3.5 text-muted-foreground" aria-hidden />
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="flex min-w-0 flex-wrap items-start justify-between gap-3">
        <div className="grid min-w-0 gap-1">
          <Heading
            className={cn(
              "font-semibold tracking-tight wrap-anywhere",
              level === 1 ? "text-2xl" : "flex flex-wrap items-center gap-2 text-xl",
            )}
          >
            {title}
          </Heading>
          {typeof description === "string" ? (
            <p className={cn("text-muted-foreground", level === 2 && "text-sm")}>{description}</p>
          ) : description ? (
            <div className={cn("text-muted-foreground", level === 2 && "text-sm")}>{description}</div>
          ) : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
