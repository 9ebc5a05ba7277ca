"use client";

import { useTheme } from "next-themes";
import type { CSSProperties } from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

// shadcn/ui's Toaster: mounted once, by the app shell (components/shell/app-shell.tsx), following the light/dark theme. Call
// `toast.success("Saved.")` from any client component; forms use `useActionToast` (forms/).
export function Toaster(props: ToasterProps) {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      className="toaster group"
      closeButton
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
        } as CSSProperties
      }
      toastOptions={{ classNames: { toast: "font-sans text-sm" } }}
      {...props}
    />
  );
}

export { toast } from "sonner";
