import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { formatCount } from "@/lib/utils/format";

type Props = {
  basePath: string;
  /** The current filters, kept on every page link. */
  params: Record<string, string | undefined>;
  page: number;
  pageCount: number;
  total: number;
  noun: string;
};

/** `?page=` as a positive integer; anything else is page 1. */
export function parsePage(raw: string | string[] | undefined) {
  const page = Number.parseInt(typeof raw === "string" ? raw : "", 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

// Only the moves that exist are links; an inert "Previous" on page 1 would just be noise.
export function Pagination({ basePath, params, page, pageCount, total, noun }: Props) {
  const href = (p: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    if (p > 1) query.set("page", String(p));
    const qs = query.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const linkClass = buttonVariants({ variant: "outline", size: "sm" });
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground">
        {formatCount(total)} {noun} · page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={linkClass} rel="prev">
            <ChevronLeft aria-hidden /> Previous
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={href(page + 1)} className={linkClass} rel="next">
            Next <ChevronRight aria-hidden />
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
