"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** The freshly created key, shown this once, focused and selected so it can be copied at once. */
export function NewKey({ value, message }: { value: string; message?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    input.current?.focus();
  }, [value]);

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(value);
      setCopy("copied");
    } catch {
      input.current?.select(); // no clipboard access (e.g. plain http): leave it selected for Ctrl+C
      setCopy("failed");
    }
  }

  return (
    <Alert variant="success" className="grid gap-3 p-4">
      {message ? <p className="font-semibold">{message}</p> : null}
      <div className="grid gap-2">
        <Label htmlFor="new-api-key">Your new API key</Label>
        <div className="flex min-w-0 gap-2">
          <Input
            ref={input}
            id="new-api-key"
            readOnly
            value={value}
            spellCheck={false}
            aria-describedby="new-api-key-note"
            className="min-w-0 font-mono"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button type="button" variant="outline" onClick={copyKey} className="shrink-0">
            {copy === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />}
            {copy === "copied" ? "Copied" : "Copy"}
          </Button>
        </div>
        <p id="new-api-key-note" className="text-muted-foreground">
          Copy it now and store it somewhere safe. For your security it won&apos;t be shown again.
        </p>
        <p aria-live="polite" className="font-medium empty:hidden">
          {copy === "copied"
            ? "Copied to the clipboard."
            : copy === "failed"
              ? "Couldn't reach the clipboard. The key is selected: press Ctrl+C (⌘C on a Mac)."
              : ""}
        </p>
      </div>
    </Alert>
  );
}
