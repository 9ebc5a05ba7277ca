// POST /api/v1/reservations/{id}/commit — charge the actual usage and give the hold back
import { methodNotAllowed } from "@/lib/http/methods";
import { creditsHeader, money, parseBody, usageBody, v1Route } from "@/lib/metering/http";
import { commitReservation, commitSchema } from "@/lib/metering/reservations";

export const POST = v1Route<{ id: string }>(async (req, caller, _rate, { id }) => {
  const result = await commitReservation(caller, id, await parseBody(req, commitSchema));
  return {
    body: {
      ...usageBody(result),
      reservation: { id, held: money(result.heldMillicredits), status: "committed" },
    },
    headers: creditsHeader(result.balanceMillicredits),
  };
});

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
