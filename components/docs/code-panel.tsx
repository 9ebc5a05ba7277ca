import { cn } from "@/lib/utils/cn";
import { CopyButton } from "./copy-button";

// A dark code panel in both themes, with a copy button. The <pre> scrolls sideways inside itself
// on narrow screens and is focusable so keyboard users can scroll it too.
export function CodePanel({ code, label, className }: { code: string; label: string; className?: string }) {
  return (
    <div className={cn("min-w-0 overflow-hidden rounded-lg border border-slate-800 bg-slate-950", className)}>
      <div className="flex justify-end border-b border-slate-800 px-2 py-1.5">
        <CopyButton text={code} label={label} />
      </div>
      <pre
        role="region"
        aria-label={label}
        tabIndex={0}
        className="overflow-x-auto p-4 font-mono text-[13px] leading-6 text-slate-100 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none focus-visible:ring-inset"
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}
