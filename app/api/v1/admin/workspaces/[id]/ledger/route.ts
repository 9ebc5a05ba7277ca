// GET /api/v1/admin/workspaces/{id}/ledger — credit ledger, newest first, paginated
import { InvalidRequestError } from "@/lib/metering/errors";
import { adminRoute } from "@/lib/management/http";
import { pageSchema, pagedLedger } from "@/lib/management/workspaces";

export const GET = adminRoute<{ id: string }>(async (req, { id }) => {
  const page = pageSchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!page.success) throw new InvalidRequestError("Invalid page or pageSize.", page.error.issues);
  const { rows, ...meta } = await pagedLedger(id, page.data);
  return { body: { ...meta, data: rows } };
});
