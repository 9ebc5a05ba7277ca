"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { cn } from "@/lib/utils/cn";

// Copies a code sample. Sits on the dark code panels in both themes, so its colours are fixed;
// the outcome is announced as well as shown.
export function CopyButton({ text, label, className }: { text: string; label: string; className?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2_000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  const word = state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy";
  return (
    <>
      <button
        type="button"
        onClick={copy}
        aria-label={`${word}: ${label}`}
        className={cn(
          "inline-flex h-7 shrink-0 items-center gap-1.5 rounded-md border border-slate-700 bg-slate-900 px-2 text-xs font-medium text-slate-200 hover:bg-slate-800 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none [&_svg]:size-3.5",
          className,
        )}
      >
        {state === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />}
        {word}
      </button>
      <span role="status" className="sr-only">
        {state === "copied"
          ? `${label} copied to the clipboard.`
          : state === "failed"
            ? "Could not copy."
            : ""}
      </span>
    </>
  );
}
