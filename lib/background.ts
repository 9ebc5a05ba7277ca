import { env } from "@/lib/env";
import { releaseExpiredReservations } from "@/lib/metering/reservations";
import { runBillingClock } from "@/lib/payments/billing-clock";

const SWEEP_EVERY_MS = 30_000;
let started = false;

/** In-process periodic work. Each task is idempotent, so several app instances may run it at once. */
export function startBackgroundWork() {
  if (started || !env.DATABASE_URL || env.NEXT_PHASE === "phase-production-build") return;
  started = true;
  const sweep = () => {
    releaseExpiredReservations().catch((e: unknown) => console.error("reservation sweep failed", e));
    runBillingClock().catch((e: unknown) => console.error("billing clock failed", e));
  };
  setInterval(sweep, SWEEP_EVERY_MS).unref();
}
