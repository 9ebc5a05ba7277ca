import { getCachedBranding } from "@/lib/branding/cached";
import { cn } from "@/lib/utils/cn";

type Mark = { companyName: string; logoUrl: string | null };

// The brand's uploaded logo, or its initial on the primary colour (the default favicon's look).
export function LogoMark({ brand, className }: { brand: Mark; className?: string }) {
  if (brand.logoUrl)
    return (
      // eslint-disable-next-line @next/next/no-img-element -- an uploaded image of unknown size and type
      <img
        src={brand.logoUrl}
        alt=""
        className={cn("h-7 w-auto max-w-28 shrink-0 object-contain", className)}
      />
    );
  return (
    <span
      aria-hidden
      className={cn(
        "inline-flex size-7 shrink-0 items-center justify-center rounded-lg bg-primary text-sm font-bold text-primary-foreground",
        className,
      )}
    >
      {brand.companyName.trim().slice(0, 1).toUpperCase()}
    </span>
  );
}

/** The brand's logo and name, as every header and footer shows it. */
export async function Wordmark({ className, size = "lg" }: { className?: string; size?: "base" | "lg" }) {
  const brand = await getCachedBranding();
  return (
    <span className={cn("inline-flex min-w-0 items-center gap-2", className)}>
      <LogoMark brand={brand} className={size === "base" ? "size-auto h-6 min-w-6" : undefined} />
      {/* Below 360px only the mark shows; the name stays available to screen readers. */}
      <span
        className={cn(
          "truncate font-semibold tracking-tight max-[359px]:sr-only",
          size === "lg" ? "text-lg" : "text-base",
        )}
      >
        {brand.companyName}
      </span>
    </span>
  );
}
