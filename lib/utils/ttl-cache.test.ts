import { describe, expect, it } from "vitest";
import { ttlCache } from "./ttl-cache";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("ttlCache", () => {
  it("loads once per key until the entry expires", async () => {
    let clock = 0;
    const loads: string[] = [];
    const cache = ttlCache(async (k: string) => (loads.push(k), `${k}@${clock}`), 1000, { now: () => clock });
    expect(await cache.get("a")).toBe("a@0");
    clock = 999;
    expect(await cache.get("a")).toBe("a@0");
    expect(await cache.get("b")).toBe("b@999");
    clock = 1000;
    expect(await cache.get("a")).toBe("a@1000");
    expect(loads).toEqual(["a", "b", "a"]);
  });

  it("shares one load between concurrent misses for the same key", async () => {
    const pending = deferred<number>();
    let loads = 0;
    const cache = ttlCache(() => (loads++, pending.promise), 1000);
    const both = Promise.all([cache.get("w"), cache.get("w")]);
    pending.resolve(7);
    expect(await both).toEqual([7, 7]);
    expect(loads).toBe(1);
  });

  it("does not keep a failed load", async () => {
    let fail = true;
    const cache = ttlCache(async () => {
      if (fail) throw new Error("db down");
      return "ok";
    }, 1000);
    await expect(cache.get("k")).rejects.toThrow("db down");
    fail = false;
    expect(await cache.get("k")).toBe("ok");
  });

  it("forgets a key on demand and starts over past maxEntries", async () => {
    let n = 0;
    const cache = ttlCache(async (k: string) => `${k}${n++}`, 60_000, { maxEntries: 2 });
    expect(await cache.get("a")).toBe("a0");
    cache.forget("a");
    expect(await cache.get("a")).toBe("a1");
    await cache.get("b");
    await cache.get("c"); // third key: the cache is cleared first
    expect(await cache.get("a")).toBe("a4");
  });
});
