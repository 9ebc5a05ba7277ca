// GET /admin/payments/{id}/receipt — the PDF receipt of any payment, for admins
import { requireAdmin } from "@/lib/auth/session";
import { receiptPdf } from "@/lib/billing/receipt-pdf";
import { loadReceipt } from "@/lib/billing/receipts";
import { pdfResponse } from "@/lib/utils/pdf";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const payment = await db.payment.findUnique({ where: { id }, select: { workspaceId: true } });
  const receipt = payment && (await loadReceipt(payment.workspaceId, id));
  if (!receipt)
    return Response.json(
      { error: { code: "not_found", message: "Receipt not found." } },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  return pdfResponse(await receiptPdf(receipt), `receipt-${receipt.number}.pdf`);
}
