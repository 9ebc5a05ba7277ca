// GET /api/admin/export/{users|workspaces|payments}?<the list's filters and sort> — every matching row as a streamed CSV (admin session)
import { isAdminExport, streamAdminExport } from "@/lib/admin/exports";
import { refuseNonAdmin, routeError } from "@/lib/auth/admin-route";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ list: string }> }) {
  const refused = await refuseNonAdmin("export admin lists");
  if (refused) return refused;
  const { list } = await ctx.params;
  if (!isAdminExport(list)) return routeError(404, "not_found", "No such list.");
  const { stream, total, filename } = await streamAdminExport(
    list,
    Object.fromEntries(new URL(req.url).searchParams),
  );
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Total-Count": String(total),
    },
  });
}
