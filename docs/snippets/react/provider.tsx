"use client";

import { TollgateProvider } from "@tollgate/react";
import "@tollgate/react/styles.css";
import type { ReactNode } from "react";

// The browser never holds a secret key: it asks your backend for a short-lived, read-only
// session token (POST /api/tollgate-session, see the TypeScript quickstart), and asks again
// before it expires.
export function Providers({ children }: { children: ReactNode }) {
  return (
    <TollgateProvider
      baseUrl={process.env.NEXT_PUBLIC_TOLLGATE_URL!}
      getToken={async () => (await fetch("/api/tollgate-session", { method: "POST" })).json()}
    >
      {children}
    </TollgateProvider>
  );
}
