// GET /admin/payments/{id}/receipt — the PDF receipt of any payment, for admins
import { requireAdmin } from "@/lib/auth/session";
import { receiptPdf } from "@/lib/billing/receipt-pdf";
import { loadReceipt } from "@/lib/billing/receipts";
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
  return new Response(new Uint8Array(await receiptPdf(receipt)), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="receipt-${receipt.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
