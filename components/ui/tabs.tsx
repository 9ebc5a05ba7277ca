"use client";

import * as TabsPrimitive from "@radix-ui/react-tabs";
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils/cn";
import { styled } from "./styled";

// Two kinds of tabs with one look:
// - Tabs/TabsList/TabsTrigger/TabsContent (shadcn/ui on Radix): panels on one page, ARIA tabs with
//   arrow-key navigation.
// - TabLinks: a row of links where each tab is its own URL (a route, or `?tab=`), so it can be
//   shared and server-rendered. Not ARIA tabs: a <nav> whose current link has aria-current.
//   On a narrow screen the row scrolls within itself; an edge with more tabs past it fades and
//   shows an arrow, and the current tab is scrolled into view.

const triggerClass =
  "-mb-px inline-flex h-10 items-center rounded-t-md border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none focus-visible:ring-inset";
const activeClass = "border-primary text-foreground";
const idleClass = "border-transparent text-muted-foreground hover:text-foreground";

export const Tabs = TabsPrimitive.Root;

export const TabsList = styled(
  TabsPrimitive.List,
  "tabs-list",
  "flex max-w-full gap-1 overflow-x-auto border-b px-1",
);
export const TabsTrigger = styled(
  TabsPrimitive.Trigger,
  "tabs-trigger",
  cn(
    triggerClass,
    idleClass,
    "disabled:pointer-events-none disabled:opacity-50 data-[state=active]:border-primary data-[state=active]:text-foreground",
  ),
);
export const TabsContent = styled(
  TabsPrimitive.Content,
  "tabs-content",
  "mt-4 rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
);

export type TabLink = { href: string; label: string };

export function TabLinks({
  label,
  links,
  current,
  className,
}: {
  /** Names the <nav> ("Catalog sections"). */
  label: string;
  links: TabLink[];
  /** The current tab's href. Without it, the link whose path the URL is in (or under). */
  current?: string;
  className?: string;
}) {
  const pathname = usePathname() ?? "";
  const active = current ?? links.find((l) => pathname === l.href || pathname.startsWith(`${l.href}/`))?.href;
  const scroller = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState({ start: false, end: false });

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const start = el.scrollLeft > 1;
    const end = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setOverflow((o) => (o.start === start && o.end === end ? o : { start, end }));
  }, []);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // Bring the current tab into view without moving the page.
    const link = el.querySelector<HTMLElement>('[aria-current="page"]');
    if (
      link &&
      (link.offsetLeft < el.scrollLeft || link.offsetLeft + link.offsetWidth > el.scrollLeft + el.clientWidth)
    )
      el.scrollLeft = link.offsetLeft - 32;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure, active]);

  const nudge = (direction: 1 | -1) =>
    scroller.current?.scrollBy({ left: direction * scroller.current.clientWidth * 0.6, behavior: "smooth" });

  return (
    <nav aria-label={label} className={cn("relative min-w-0 border-b", className)}>
      <div
        ref={scroller}
        onScroll={measure}
        data-overflow-start={overflow.start}
        data-overflow-end={overflow.end}
        className="ui-tab-scroll [scrollbar-width:none] overflow-x-auto [&::-webkit-scrollbar]:hidden"
      >
        <ul className="flex min-w-max gap-1 px-1">
          {links.map((tab) => {
            const isCurrent = tab.href === active;
            return (
              <li key={tab.href}>
                <Link
                  href={tab.href}
                  aria-current={isCurrent ? "page" : undefined}
                  className={cn(triggerClass, isCurrent ? activeClass : idleClass)}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
      {/* Pointer aids only: keyboard users reach every tab with Tab, which scrolls it into view. */}
      {overflow.start ? <EdgeArrow side="left" onClick={() => nudge(-1)} /> : null}
      {overflow.end ? <EdgeArrow side="right" onClick={() => nudge(1)} /> : null}
    </nav>
  );
}

/** Scrolls the tab row towards its hidden side. */
function EdgeArrow({ side, onClick }: { side: "left" | "right"; onClick: () => void }) {
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-hidden
      className={cn(
        "absolute top-0 z-10 flex h-10 w-7 items-center justify-center text-muted-foreground hover:text-foreground [&_svg]:size-4",
        side === "left" ? "left-0" : "right-0",
      )}
      onClick={onClick}
    >
      {side === "left" ? <ChevronLeft /> : <ChevronRight />}
    </button>
  );
}
