"use client";

import { Check, Copy, Eye, EyeOff } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The endpoint's signing secret: hidden until asked for, copyable either way. */
export function SecretField({ secret }: { secret: string }) {
  const [shown, setShown] = useState(false);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      setShown(true); // no clipboard access (e.g. plain http): show it so it can be selected
      setCopy("failed");
    }
  }

  return (
    <div className="grid gap-2">
      <p className="text-sm font-medium">Signing secret</p>
      <div className="flex min-w-0 flex-wrap items-center gap-2">
        <code className="min-w-0 rounded bg-muted px-2 py-1 font-mono text-xs break-all">
          {shown ? secret : `whsec_${"•".repeat(24)}`}
        </code>
        <Button type="button" variant="outline" size="sm" onClick={() => setShown((s) => !s)}>
          {shown ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
          {shown ? "Hide secret" : "Reveal secret"}
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={copySecret}>
          {copy === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copy === "copied" ? "Copied" : "Copy secret"}
        </Button>
      </div>
      <p aria-live="polite" className="text-sm empty:hidden">
        {copy === "copied"
          ? "Secret copied to the clipboard."
          : copy === "failed"
            ? "Couldn't reach the clipboard. Select the secret and copy it."
            : ""}
      </p>
    </div>
  );
}
