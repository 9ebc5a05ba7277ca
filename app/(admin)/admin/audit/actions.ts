"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { verifyAuditChain } from "@/lib/audit/chain";
import { retentionDaysSchema, setAuditRetention } from "@/lib/audit/retention";
import { adminAction, type ActionState } from "@/lib/auth/action";
import { formatCount } from "@/lib/utils/format";

export type VerifyState = ActionState & { broken?: string; note?: string };

// Not audited: an audit entry written by the check would change the chain it just reported on.
export const verifyChainAction = adminAction(
  z.object({}),
  async () => {
    const result = await verifyAuditChain();
    const note = result.note ? `${result.note.charAt(0).toUpperCase()}${result.note.slice(1)}.` : undefined;
    if (!result.ok) {
      const { seq, id, reason } = result.brokenAt;
      const state: VerifyState = { broken: `Broken link at entry #${seq} (${id}) — ${reason}`, note };
      return state;
    }
    const state: VerifyState = {
      ok: true,
      message: `Chain intact: ${formatCount(result.checked)} ${result.checked === 1 ? "entry" : "entries"} verified`,
      note,
    };
    return state;
  },
  { permission: "read" },
) as (prev: VerifyState, formData: FormData) => Promise<VerifyState>;

export const saveRetentionAction = adminAction(
  z.object({ days: retentionDaysSchema }),
  async ({ days }, { admin }) => {
    await setAuditRetention({ id: admin.id, email: admin.email }, days);
    revalidatePath("/admin/audit");
    return {
      ok: true,
      message: `Audit entries are now kept for ${formatCount(days)} days.`,
      values: { days: String(days) },
    };
  },
);
