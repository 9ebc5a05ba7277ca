import { cn } from "@/lib/utils/cn";

// A barrier arm on its post: the toll gate that every metered call passes through.
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={cn("size-7 shrink-0", className)} aria-hidden focusable="false">
      <rect width="32" height="32" rx="8" className="fill-primary" />
      <rect x="7.5" y="8" width="5" height="17" rx="1.5" className="fill-primary-foreground" />
      <rect x="7.5" y="9" width="18" height="5" rx="2.5" className="fill-primary-foreground" />
      <circle cx="10" cy="11.5" r="1.25" className="fill-primary" />
      <rect x="5.5" y="23" width="9" height="2.5" rx="1.25" className="fill-primary-foreground" />
    </svg>
  );
}

export function Wordmark({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <LogoMark />
      {/* Below 360px only the mark shows; the name stays available to screen readers. */}
      <span className="text-lg font-semibold tracking-tight max-[359px]:sr-only">Tollgate</span>
    </span>
  );
}
