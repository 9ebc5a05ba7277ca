import { describe, expect, it } from "vitest";
import { runwayDays, runwayLabel } from "./runway";

describe("runway: whole days the balance lasts at the last 7 days' rate", () => {
  it("is balance ÷ (credits charged in the last 7 days ÷ 7), rounded down", () => {
    expect(runwayDays(60_000n, 70_000n)).toBe(6); // 10 credits a day, 60 left
    expect(runwayDays(69_999n, 70_000n)).toBe(6);
    expect(runwayDays(70_000n, 70_000n)).toBe(7);
    expect(runwayDays(5_000n, 70_000n)).toBe(0); // half a day
  });
  it("is null with no paid usage in the window, and 0 with nothing left", () => {
    expect(runwayDays(100_000n, 0n)).toBeNull();
    expect(runwayDays(0n, 0n)).toBeNull();
    expect(runwayDays(0n, 1_000n)).toBe(0);
  });
  it("reads as a person would say it", () => {
    expect(runwayLabel(0)).toBe("less than a day");
    expect(runwayLabel(1)).toBe("about 1 day");
    expect(runwayLabel(1234)).toBe("about 1,234 days");
  });
});
