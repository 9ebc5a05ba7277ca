-- Rate-limit counters are per-minute and worth nothing after a crash: an unlogged table writes no
-- WAL, so the statement that counts a call (every v1 API call, every sign-in attempt) no longer
-- waits for a WAL flush at commit. After a crash PostgreSQL empties it: the current minute's counts
-- start again from zero, which only ever lets a client through, never refuses one wrongly.
ALTER TABLE "RateLimitHit" SET UNLOGGED;
