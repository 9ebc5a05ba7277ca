"use client";

import { useRouter } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";

// One shared one-second clock. The server snapshot is the render time the page was built with,
// so the first client render matches the HTML and then starts ticking.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  now = Date.now();
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const two = (n: number) => String(n).padStart(2, "0");

function formatCountdown(ms: number) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${two(Math.floor(total / 3600))}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
}

/** "Resets in 05:12:33 (00:00 UTC)", ticking every second; refreshes the page when the day turns. */
export function QuotaCountdown({ resetsAt, renderedAt }: { resetsAt: string; renderedAt: string }) {
  const router = useRouter();
  const current = useSyncExternalStore(
    subscribe,
    () => now,
    () => Date.parse(renderedAt),
  );
  const left = Date.parse(resetsAt) - current;
  const expired = left <= 0;
  useEffect(() => {
    if (expired) router.refresh(); // a new UTC day: the server hands back a fresh quota
  }, [expired, router]);
  return (
    <p className="text-sm text-muted-foreground">
      {expired ? (
        "Resetting now…"
      ) : (
        <>
          Resets in <span className="font-medium text-foreground tabular-nums">{formatCountdown(left)}</span>{" "}
          (00:00 UTC)
        </>
      )}
    </p>
  );
}
