// The metering path's result types, in a module that imports nothing: notifications and the HTTP
// edge read them without depending on the charge code (and the charge code on them).

/** One charged (or replayed) call, as POST /api/v1/usage answers it. */
export type ChargeResult = {
  id: string;
  model: string;
  billedTo: "quota" | "credits" | "free" | "byok";
  chargedMillicredits: bigint;
  balanceMillicredits: bigint;
  quota: { used: number; limit: number; resetsAt: Date } | null;
  replayed: boolean;
};
