// GET /api/admin/audit/export?format=csv|json&… — the filtered audit log as a streamed download (admin session)
import { z } from "zod";
import { exportAuditLog } from "@/lib/audit/export";
import { exportFormats } from "@/lib/audit/export-format";
import { parseAuditFilter } from "@/lib/audit/query";
import { refuseNonAdmin, routeError as error } from "@/lib/auth/admin-route";

export const dynamic = "force-dynamic";

// A fetch from the admin page, not a navigation: answer with a status, never a redirect to sign-in.
export async function GET(req: Request) {
  const refused = await refuseNonAdmin("export the audit log");
  if (refused) return refused;

  const params = Object.fromEntries(new URL(req.url).searchParams);
  const format = z.enum(exportFormats).safeParse(params.format);
  if (!format.success) return error(400, "invalid_request", "format must be csv or json.");

  const { stream, total, filename, contentType } = await exportAuditLog(
    parseAuditFilter(params),
    format.data,
  );
  return new Response(stream, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Total-Count": String(total),
    },
  });
}
