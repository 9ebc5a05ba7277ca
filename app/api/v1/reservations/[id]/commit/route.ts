// POST /api/v1/reservations/{id}/commit — charge the actual usage and give the hold back
import { parseBody } from "@/lib/http/body";
import { methodNotAllowed } from "@/lib/http/methods";
import { money, usageResponse, v1Route } from "@/lib/metering/http";
import { commitReservation, commitSchema } from "@/lib/metering/reservations";

export const POST = v1Route<{ id: string }>(async (req, caller, _rate, { id }) => {
  const result = await commitReservation(caller, id, await parseBody(req, commitSchema));
  const { body, headers } = usageResponse(result);
  return {
    body: { ...body, reservation: { id, held: money(result.heldMillicredits), status: "committed" } },
    headers,
  };
});

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
