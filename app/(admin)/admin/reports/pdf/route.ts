// GET /admin/reports/pdf?from=YYYY-MM-DD&to=YYYY-MM-DD — the analytics report of a range as a PDF
import { rangeLabel } from "@/app/(admin)/admin/analytics/format";
import { reportPdf } from "@/lib/analytics/report-pdf";
import { reportSummary } from "@/lib/analytics/report-summary";
import { parseRange } from "@/lib/analytics/range";
import { requireAdmin } from "@/lib/auth/session";
import { emailBrand } from "@/lib/email/brand";
import { pdfResponse } from "@/lib/utils/pdf";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  await requireAdmin();
  const range = parseRange(Object.fromEntries(new URL(req.url).searchParams));
  const [summary, brand] = await Promise.all([reportSummary(range), emailBrand()]);
  const pdf = await reportPdf(summary, brand.companyName, rangeLabel(range));
  return pdfResponse(pdf, `report-${range.fromDay}-to-${range.toDay}.pdf`);
}
