import { describe, expect, it } from "vitest";
import { formatCardNumber, formatExpiry } from "./card-format";

describe("card input formatting", () => {
  it("groups the card number in fours and stops at 16 digits", () => {
    expect(formatCardNumber("4242424242424242999")).toBe("4242 4242 4242 4242");
    expect(formatCardNumber("4000-0000 00")).toBe("4000 0000 00");
  });

  it("formats the expiry as MM / YY while typing, and lets backspace remove the slash", () => {
    expect(formatExpiry("1")).toBe("1");
    expect(formatExpiry("12", "1")).toBe("12 / ");
    expect(formatExpiry("4")).toBe("04 / ");
    expect(formatExpiry("12 / 3", "12 / ")).toBe("12 / 3");
    expect(formatExpiry("1230")).toBe("12 / 30");
    expect(formatExpiry("12/40")).toBe("12 / 40");
    expect(formatExpiry("12 /", "12 / ")).toBe("12");
  });
});
