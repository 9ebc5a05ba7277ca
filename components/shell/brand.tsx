import Link from "next/link";
import { Wordmark as BrandName } from "@/components/marketing/wordmark";
import { cn } from "@/lib/utils/cn";
import { AREA_LABEL, type ShellArea } from "./types";

export function Wordmark({ className }: { className?: string }) {
  return (
    <Link
      href="/"
      className={cn(
        "inline-flex min-w-0 items-center rounded-md text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background focus-visible:outline-none",
        className,
      )}
    >
      <BrandName size="base" />
    </Link>
  );
}

// Wordmark with the area ("Dashboard" / "Admin console") underneath, for the sidebar and drawer.
export function Brand({ area }: { area: ShellArea }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <Wordmark />
      <p className="pl-8 text-xs font-medium text-muted-foreground">{AREA_LABEL[area]}</p>
    </div>
  );
}
