"use client";

import { createContext, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

type Notices = { announce: (message: string) => void; focus: () => void };

const NoticeContext = createContext<Notices | null>(null);

// A refunded row loses its Refund button (and may leave a filtered list), so the outcome is shown
// above the table rather than in the row, and focus moves there when the dialog closes.
export function RefundNotices({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const notices = useMemo<Notices>(() => ({ announce: setMessage, focus: () => ref.current?.focus() }), []);
  return (
    <NoticeContext.Provider value={notices}>
      {message ? (
        <Alert
          ref={ref}
          tabIndex={-1}
          variant="success"
          className="focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          {message}
        </Alert>
      ) : null}
      {children}
    </NoticeContext.Provider>
  );
}

export function useRefundNotices() {
  const notices = useContext(NoticeContext);
  if (!notices) throw new Error("useRefundNotices needs <RefundNotices> around it.");
  return notices;
}
