import { describe, expect, it } from "vitest";
import { cronMatches, parseCron } from "./cron";
import { queues } from "./queues";

const fires = (expression: string, iso: string) => cronMatches(parseCron(expression), new Date(iso));

describe("cron schedules", () => {
  it("reads every recurring queue's schedule", () => {
    for (const q of Object.values(queues)) if ("cron" in q) expect(() => parseCron(q.cron)).not.toThrow();
  });

  // [expression, UTC minute, fires]. 2026-12-07 is a Monday, 2026-12-06 a Sunday, 2026-12-01 a Tuesday.
  it.each([
    ["* * * * *", "2026-12-03T16:41:59Z", true],
    ["5 0 * * *", "2026-12-03T00:05:00Z", true],
    ["5 0 * * *", "2026-12-03T00:06:00Z", false],
    ["5 0 * * *", "2026-12-03T01:05:00Z", false],
    ["10 * * * *", "2026-12-03T13:10:30Z", true],
    ["10 * * * *", "2026-12-03T13:11:00Z", false],
    ["0 8 * * 1", "2026-12-07T08:00:00Z", true],
    ["0 8 * * 1", "2026-12-08T08:00:00Z", false],
    ["*/15 * * * *", "2026-12-03T16:45:00Z", true],
    ["*/15 * * * *", "2026-12-03T16:46:00Z", false],
    ["0 9-17/4 * * *", "2026-12-03T13:00:00Z", true],
    ["0 9-17/4 * * *", "2026-12-03T15:00:00Z", false],
    ["0,30 * * * *", "2026-12-03T15:30:00Z", true],
    ["0 0 * * 7", "2026-12-06T00:00:00Z", true],
    ["0 0 * * 0", "2026-12-06T00:00:00Z", true],
    // Both day fields restricted: either day is enough, as in cron.
    ["0 0 1 * 1", "2026-12-01T00:00:00Z", true],
    ["0 0 1 * 1", "2026-12-07T00:00:00Z", true],
    ["0 0 1 * 1", "2026-12-08T00:00:00Z", false],
  ] as const)("%s at %s fires: %s", (expression, minute, expected) => {
    expect(fires(expression, minute)).toBe(expected);
  });

  it("reads names and refuses what is not a cron expression", () => {
    expect(fires("0 8 * * MON", "2026-12-07T08:00:00Z")).toBe(true);
    expect(fires("0 8 * * MON", "2026-12-08T08:00:00Z")).toBe(false);
    expect(() => parseCron("* * * *")).toThrow("five fields");
    expect(() => parseCron("60 * * * *")).toThrow();
    expect(() => parseCron("every minute please")).toThrow();
  });
});
