import { vi } from "vitest";
import { logSink } from "@/lib/observability/logger";

export type LogLine = { level: string; msg?: string; err?: { message?: string; stack?: string } } & Record<
  string,
  unknown
>;

/** Captures what the logger writes (instead of stdout) until restore(): parsed lines and raw text. */
export function captureLogs() {
  const raw: string[] = [];
  const spy = vi.spyOn(logSink, "write").mockImplementation((line: string) => void raw.push(line));
  return {
    lines: () => raw.map((l) => JSON.parse(l) as LogLine),
    text: () => raw.join(""),
    restore: () => spy.mockRestore(),
  };
}
