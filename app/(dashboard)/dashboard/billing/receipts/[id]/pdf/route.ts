// GET /dashboard/billing/receipts/{id}/pdf — the PDF invoice of one payment of the current workspace
import { getDashboardContext } from "@/lib/auth/session";
import { receiptPdf } from "@/lib/billing/receipt-pdf";
import { loadReceipt } from "@/lib/billing/receipts";
import { pdfResponse } from "@/lib/utils/pdf";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  // The workspace comes from the session (membership checked); another workspace's payment is not found.
  const [{ workspace }, { id }] = await Promise.all([getDashboardContext(), params]);
  const receipt = await loadReceipt(workspace.id, id);
  if (!receipt)
    return Response.json(
      { error: { code: "not_found", message: "Receipt not found." } },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  return pdfResponse(await receiptPdf(receipt), `receipt-${receipt.number}.pdf`);
}
