import { describe, expect, it } from "vitest";
import { isBot, pickVariant } from "./assign";
import { newVisitorId, readExperimentCookie, signExperimentCookie } from "./cookie";

const variants = [
  { id: "a", weight: 50 },
  { id: "b", weight: 30 },
  { id: "c", weight: 20 },
];

/** A deterministic stream in [0, 1) (mulberry32), so the split test cannot flake. */
function seeded(seed: number) {
  let t = seed;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe("assignment", () => {
  it("splits 10,000 visitors within 1.5 points of the weights, and each keeps their variant", () => {
    const random = seeded(19);
    const counts = new Map<string, number>();
    const cookies: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const v = pickVariant(variants, random());
      counts.set(v.id, (counts.get(v.id) ?? 0) + 1);
      cookies.push(
        signExperimentCookie({
          experimentId: "exp1",
          variantId: v.id,
          visitorId: newVisitorId(),
          counted: false,
        }),
      );
    }
    expect(Math.abs(counts.get("a")! / 10_000 - 0.5)).toBeLessThan(0.015);
    expect(Math.abs(counts.get("b")! / 10_000 - 0.3)).toBeLessThan(0.015);
    expect(Math.abs(counts.get("c")! / 10_000 - 0.2)).toBeLessThan(0.015);
    // Sticky: every returning visitor's cookie names the variant they were given, not a new draw.
    const returning = cookies.map((c) => readExperimentCookie(c)!.variantId);
    const again = new Map<string, number>();
    for (const id of returning) again.set(id, (again.get(id) ?? 0) + 1);
    expect(again).toEqual(counts);
  });

  it("gives every visitor a variant at the edges of the range", () => {
    expect(pickVariant(variants, 0).id).toBe("a");
    expect(pickVariant(variants, 0.4999).id).toBe("a");
    expect(pickVariant(variants, 0.5).id).toBe("b");
    expect(pickVariant(variants, 0.99999).id).toBe("c");
    expect(
      pickVariant(
        [
          { id: "a", weight: 1 },
          { id: "b", weight: 0 },
        ],
        0.999,
      ).id,
    ).toBe("a");
  });

  it("refuses a cookie someone edited to pick another variant", () => {
    const cookie = signExperimentCookie({
      experimentId: "exp1",
      variantId: "a",
      visitorId: "v1",
      counted: true,
    });
    expect(readExperimentCookie(cookie)).toEqual({
      experimentId: "exp1",
      variantId: "a",
      visitorId: "v1",
      counted: true,
    });
    expect(readExperimentCookie(cookie.replace("exp1.a.", "exp1.b."))).toBeNull();
    expect(readExperimentCookie(cookie.replace(".1.", ".0."))).toBeNull();
    expect(readExperimentCookie("garbage")).toBeNull();
    expect(readExperimentCookie(undefined)).toBeNull();
  });

  it("knows crawlers and command-line clients from browsers", () => {
    expect(isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).toBe(true);
    expect(isBot("Mozilla/5.0 (compatible; bingbot/2.0)")).toBe(true);
    expect(isBot("facebookexternalhit/1.1")).toBe(true);
    expect(isBot("curl/8.5.0")).toBe(true);
    expect(isBot("")).toBe(true);
    expect(isBot(null)).toBe(true);
    expect(
      isBot(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
      ),
    ).toBe(false);
    expect(
      isBot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"),
    ).toBe(false);
  });
});
