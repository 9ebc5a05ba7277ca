// This process's memory of the API keys it authenticated: the key's row as authenticate read it
// (key, member, workspace, live plan and their fingerprint), by the key's hash. It only saves a
// round trip: a charge made with a remembered caller re-reads the row in the same statement and
// charges nothing unless the fingerprint still matches (lib/metering/authenticate.ts), so a
// revoked key, a suspension or a plan change takes effect on the very next call. Entries are
// dropped after CALLER_TTL_MS unused-or-not, and the whole memory past MAX_CALLERS keys. Each entry
// lives a random 75–100% of it: keys learned together (every key after a restart, a benchmark's
// keys) would otherwise all be read afresh in the same instant every minute, and that instant's
// extra statements showed up in the latency tail.

const CALLER_TTL_MS = 60_000;
const MAX_CALLERS = 50_000;

type Remembered<R> = { row: R; expires: number };

export function callerMemory<R extends { hits: number | null }>() {
  const entries = new Map<string, Remembered<R>>();
  return {
    remember(keyHash: string, row: R, now = Date.now()) {
      if (entries.size >= MAX_CALLERS) entries.clear();
      // The minute's count is read per call, never remembered.
      const ttl = CALLER_TTL_MS * (0.75 + Math.random() / 4);
      entries.set(keyHash, { row: { ...row, hits: null }, expires: now + ttl });
    },
    recall(keyHash: string, now = Date.now()): R | undefined {
      const entry = entries.get(keyHash);
      if (entry && entry.expires > now) return entry.row;
      if (entry) entries.delete(keyHash);
      return undefined;
    },
    forget(keyHash: string) {
      entries.delete(keyHash);
    },
    /** Tests: start from an empty memory, as a freshly started instance does. */
    clear() {
      entries.clear();
    },
  };
}
