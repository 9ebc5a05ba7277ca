import "server-only";
import { db } from "@/lib/db";

// Runway (SPEC §8.2 `/me` runway, the overview, the low-balance email): at the last 7 days' rate of
// credits charged, how many whole days the balance lasts. One definition, read by all three.

export const RUNWAY_WINDOW_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days `balance` lasts at `spentInWindow` per RUNWAY_WINDOW_DAYS, rounded down; null when
 * nothing was spent in the window (no rate to project).
 */
export function runwayDays(balanceMillicredits: bigint, spentInWindowMillicredits: bigint): number | null {
  if (spentInWindowMillicredits <= 0n) return null;
  if (balanceMillicredits <= 0n) return 0;
  return Number((balanceMillicredits * BigInt(RUNWAY_WINDOW_DAYS)) / spentInWindowMillicredits);
}

/** Credits charged for calls (quota-billed calls cost none) in the 7×24 hours before `now`. */
export async function creditsSpentLastWeek(workspaceId: string, now = new Date()) {
  const spent = await db.usageEvent.aggregate({
    where: {
      workspaceId,
      createdAt: { gte: new Date(now.getTime() - RUNWAY_WINDOW_DAYS * DAY_MS), lt: now },
    },
    _sum: { chargedMillicredits: true },
  });
  return spent._sum.chargedMillicredits ?? 0n;
}

/** The workspace's runway: `{days}`, days null when there was no paid usage in the last 7 days. */
export async function workspaceRunway(workspaceId: string, balanceMillicredits: bigint, now = new Date()) {
  return { days: runwayDays(balanceMillicredits, await creditsSpentLastWeek(workspaceId, now)) };
}

/** "about 6 days" / "less than a day", for sentences about the runway. */
export function runwayLabel(days: number) {
  if (days < 1) return "less than a day";
  return `about ${days.toLocaleString("en-US")} ${days === 1 ? "day" : "days"}`;
}
