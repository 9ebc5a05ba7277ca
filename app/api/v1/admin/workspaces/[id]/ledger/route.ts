// GET /api/v1/admin/workspaces/{id}/ledger — credit ledger, newest first, paginated
import { parseQuery } from "@/lib/http/body";
import { methodNotAllowed } from "@/lib/http/methods";
import { adminRoute } from "@/lib/management/http";
import { pageSchema, pagedLedger } from "@/lib/workspaces/administration";

export const GET = adminRoute<{ id: string }>(async (req, { id }) => {
  const { rows, ...meta } = await pagedLedger(id, parseQuery(req, pageSchema));
  return { body: { ...meta, data: rows } };
});

const other = methodNotAllowed("GET");
export { other as POST, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
