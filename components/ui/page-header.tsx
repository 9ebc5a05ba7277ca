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
 */
export function PageHeader({
  title,
  description,
  actions,
  back,
  breadcrumb,
  children,
  className,
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
}) {
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
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid min-w-0 gap-1">
          <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
          {typeof description === "string" ? (
            <p className="text-muted-foreground">{description}</p>
          ) : description ? (
            <div className="text-muted-foreground">{description}</div>
          ) : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
