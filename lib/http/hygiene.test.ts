import { describe, expect, it } from "vitest";
import { findDirty, isCleanString, isValidIdempotencyKey, isValidPathId } from "./hygiene";

describe("string hygiene", () => {
  it("refuses NUL and lone surrogates, keeps every other character", () => {
    expect(isCleanString("plain, ünïcode, emoji 😀, tab\t and newline\n")).toBe(true);
    expect(isCleanString("a\u0000b")).toBe(false);
    expect(isCleanString("a\ud800b")).toBe(false);
    expect(isCleanString("\udc00")).toBe(false);
    expect(isCleanString("😀".slice(0, 1))).toBe(false);
  });

  it("finds the first unclean value or key anywhere in a JSON value, and over-deep nesting", () => {
    expect(findDirty({ a: [1, "ok", { b: null }] })).toBeNull();
    expect(findDirty({ a: [1, { b: "x\u0000" }] })).toEqual({ path: ["a", 1, "b"], problem: "string" });
    expect(findDirty({ meta: { "k\ud800": 1 } })).toEqual({ path: ["meta", "k\ud800"], problem: "string" });
    const deep = JSON.parse("[".repeat(100) + "]".repeat(100));
    expect(findDirty(deep)?.problem).toBe("depth");
    expect(findDirty(JSON.parse("[".repeat(64) + "]".repeat(64)))).toBeNull();
  });

  it("counts depth in levels (a flat object is 1) without recursion", () => {
    expect(findDirty(1, 0)).toBeNull();
    expect(findDirty({}, 1)).toBeNull();
    expect(findDirty({}, 0)?.problem).toBe("depth");
    expect(findDirty({ a: { b: [1] } }, 3)).toBeNull();
    expect(findDirty({ a: { b: [1] } }, 2)).toEqual({ path: ["a", "b"], problem: "depth" });
    expect(findDirty(JSON.parse('{"a":'.repeat(50_000) + "1" + "}".repeat(50_000)), 10)?.path).toHaveLength(
      10,
    );
  });
});

describe("the Idempotency-Key rule (SPEC §8.1)", () => {
  it("accepts 1 to 255 printable ASCII characters that are not all blank", () => {
    for (const key of ["a", "order-42:retry 1", '~!@#$%^&*()_+{}|:"<>?', "k".repeat(255), " a "])
      expect(isValidIdempotencyKey(key), key).toBe(true);
  });
  it("refuses empty, blank, longer, control and non-ASCII keys", () => {
    for (const key of [
      "",
      " ",
      "   ",
      "k".repeat(256),
      "k".repeat(3_000),
      "a\tb",
      "a\u0000",
      "a\u007f",
      "clé",
      "ключ",
      "😀",
    ])
      expect(isValidIdempotencyKey(key), JSON.stringify(key)).toBe(false);
  });
});

describe("path ids", () => {
  it("accepts what Tollgate issues and refuses the rest", () => {
    for (const id of ["cm3k2j4h50000abcd1234", "res_0123456789abcdef", "team_seats", "chat:gpt-4o-mini"])
      expect(isValidPathId(id), id).toBe(true);
    for (const id of ["", "\u0000", "%00", "%ff", "a b", "a/b", "\ud800", "x".repeat(129)])
      expect(isValidPathId(id), JSON.stringify(id)).toBe(false);
  });
});
