import { describe, expect, it } from "vitest";
import { nextUtcMidnight, utcDay, utcMonth } from "./time";

describe("UTC windows", () => {
  it("puts 23:59:59.999 and 00:00:00 on either side of midnight UTC, whatever the local zone", () => {
    const before = new Date("2026-03-31T23:59:59.999Z");
    const after = new Date("2026-04-01T00:00:00.000Z");
    expect(utcDay(before).toISOString()).toBe("2026-03-31T00:00:00.000Z");
    expect(utcDay(after).toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(nextUtcMidnight(before).toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(utcMonth(before).toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(utcMonth(after).toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });
});
