import { Suspense, type ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

// One section of the pricing page below its top: an anchor, an h2 and a short intro, in the
// marketing width. Its content is a Suspense boundary, so React hydrates each section in a task of
// its own (after the page has painted) instead of the whole page in one long task that holds the
// first paint. Not for what shows at the top of a page: React streams a boundary that comes after
// the first ~12.5 KB of HTML out of order (its content follows at the end of the document and moves
// into place a frame later), so a first paint can show the section empty, and what is below it
// then jumps when the content arrives.
export function PricingSection({
  id,
  title,
  intro,
  children,
  className,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className={cn("scroll-mt-20", className)}>
      <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
        <h2 id={`${id}-title`} className="text-2xl font-bold tracking-tight text-balance sm:text-3xl">
          {title}
        </h2>
        {intro ? <div className="mt-3 max-w-3xl text-muted-foreground">{intro}</div> : null}
        <div className="mt-8">
          <Suspense>{children}</Suspense>
        </div>
      </div>
    </section>
  );
}
