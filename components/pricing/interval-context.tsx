"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import type { Interval } from "./billing";

// The billing interval the visitor picked. Client state only, so the page itself stays static;
// the plan cards and the calculator both read it.
const IntervalContext = createContext<{ interval: Interval; chooseInterval: (i: Interval) => void } | null>(
  null,
);

export function IntervalProvider({ children }: { children: ReactNode }) {
  const [interval, chooseInterval] = useState<Interval>("month");
  return <IntervalContext.Provider value={{ interval, chooseInterval }}>{children}</IntervalContext.Provider>;
}

export function useInterval() {
  const value = useContext(IntervalContext);
  if (!value) throw new Error("useInterval must be used inside <IntervalProvider>");
  return value;
}
