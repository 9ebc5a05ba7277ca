// A per-key in-memory cache whose entries expire after `ttlMs`, for reads on the metering path that
// may be a little stale (settings, the last top-up). Concurrent misses for one key share one load
// (single flight), so a burst of calls for a cold workspace runs one query, not one per call. A
// failed load is not cached. Past `maxEntries` keys the cache starts over rather than grow.

export type TtlCache<K, V> = {
  get(key: K): Promise<V>;
  /** Drop a key (its value changed in this process): the next get loads it again. */
  forget(key: K): void;
};

export function ttlCache<K, V>(
  load: (key: K) => Promise<V>,
  ttlMs: number,
  { maxEntries = 100_000, now = Date.now }: { maxEntries?: number; now?: () => number } = {},
): TtlCache<K, V> {
  const entries = new Map<K, { value: Promise<V>; expires: number }>();
  return {
    get(key) {
      const cached = entries.get(key);
      if (cached && cached.expires > now()) return cached.value;
      if (entries.size >= maxEntries) entries.clear();
      const value = load(key);
      const entry = { value, expires: Number.POSITIVE_INFINITY };
      entries.set(key, entry);
      // The TTL counts from when the value arrived; a failure is forgotten so the next get retries.
      value.then(
        () => {
          if (entries.get(key) === entry) entry.expires = now() + ttlMs;
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return value;
    },
    forget(key) {
      entries.delete(key);
    },
  };
}
