// GET /api/admin/analytics/[report] — CSV export of one analytics table
import { adminNeedsTwoFactor, getCurrentUser } from "@/lib/auth/session";
import { parseRange } from "@/lib/analytics/range";
import { isReportName, reportCsv } from "@/lib/analytics/reports";

export const dynamic = "force-dynamic";

const error = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

export async function GET(req: Request, ctx: { params: Promise<{ report: string }> }) {
  const user = await getCurrentUser();
  if (!user) return error(401, "unauthenticated", "Sign in to download reports.");
  if (user.role !== "admin" || (await adminNeedsTwoFactor(user)))
    return error(403, "forbidden", "Only admins can download reports.");
  const { report } = await ctx.params;
  if (!isReportName(report)) return error(404, "not_found", "No such report.");
  const range = parseRange(Object.fromEntries(new URL(req.url).searchParams));
  if (range.error) return error(400, "invalid_request", range.error);
  return new Response(await reportCsv(report, range), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${report}-${range.fromDay}-${range.toDay}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
