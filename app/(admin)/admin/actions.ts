"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/auth/action";
import { runLedgerCheckNow } from "@/lib/billing/ledger-check";

export const runLedgerCheckAction = adminAction(z.object({}), async (_input, { admin }) => {
  const check = await runLedgerCheckNow({ id: admin.id, email: admin.email });
  revalidatePath("/admin");
  const checked = `${check.workspacesChecked.toLocaleString("en-US")} workspaces checked`;
  return {
    ok: true,
    message:
      check.mismatchCount === 0
        ? `Ledger check done: ${checked}, all balances match.`
        : `Ledger check done: ${checked}, ${check.mismatchCount.toLocaleString("en-US")} don't match their ledgers.`,
  };
});
