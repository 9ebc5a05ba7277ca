"use client";

import { useSyncExternalStore } from "react";

// The keys a visitor pastes into the try-it consoles: in this page's memory only (never storage,
// never a cookie, never logged), shared by every console of the page so one paste serves them all,
// and gone when the tab closes or reloads.

export type KeyKind = "workspace" | "admin";

const keys: Record<KeyKind, string> = { workspace: "", admin: "" };
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTryItKey(kind: KeyKind): [string, (value: string) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => keys[kind],
    () => "",
  );
  return [
    value,
    (next: string) => {
      keys[kind] = next;
      for (const listener of listeners) listener();
    },
  ];
}
