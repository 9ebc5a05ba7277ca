"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { KeyKind } from "./try-it-keys";

// "Try it" for one operation: a disclosure whose console (./try-it-form.tsx) is fetched and
// rendered the first time it opens. The reference has a console per operation; rendering and
// hydrating every form up front cost seconds of main thread on a phone for consoles most visitors
// never open.

export type TryItRequest = {
  operationId: string;
  method: "GET" | "POST" | "PUT";
  path: string;
  keyKind: KeyKind;
  params: { name: string; in: "path" | "query"; example: string; required: boolean }[];
  idempotencyKey: boolean;
  body: string | null;
  effect: "charges" | "changes" | null;
};

const TryItForm = dynamic(() => import("./try-it-form"), {
  ssr: false,
  loading: () => <p className="border-t px-4 py-4 text-sm text-muted-foreground">Loading the console…</p>,
});

export function TryIt({ request }: { request: TryItRequest }) {
  const details = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  const heading = `${request.method} ${request.path}`;
  // Opened before the page hydrated: the toggle event came before React listened for it.
  useEffect(() => {
    if (details.current?.open) setOpened(true);
  }, []);
  return (
    <details
      ref={details}
      onToggle={(e) => e.currentTarget.open && setOpened(true)}
      className="group mt-8 rounded-lg border bg-card"
    >
      <summary className="flex cursor-pointer items-center gap-2 rounded-lg px-4 py-3 font-semibold focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
        <span>Try it</span>
        <span className="sr-only">: {heading}</span>
        <span aria-hidden className="font-mono text-xs font-normal break-all text-muted-foreground">
          {heading}
        </span>
      </summary>
      {opened ? <TryItForm request={request} heading={heading} /> : null}
    </details>
  );
}
