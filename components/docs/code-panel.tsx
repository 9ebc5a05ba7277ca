import { cn } from "@/lib/utils/cn";

// A dark code panel in both themes. The <pre> scrolls sideways inside itself on narrow screens and
// is focusable so keyboard users can scroll it too.
export function CodePanel({ code, label, className }: { code: string; label: string; className?: string }) {
  return (
    <pre
      role="region"
      aria-label={label}
      tabIndex={0}
      className={cn(
        "overflow-x-auto rounded-lg border border-slate-800 bg-slate-950 p-4 font-mono text-[13px] leading-6 text-slate-100 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        className,
      )}
    >
      <code>{code}</code>
    </pre>
  );
}
