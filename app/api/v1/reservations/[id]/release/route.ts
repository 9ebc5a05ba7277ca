// POST /api/v1/reservations/{id}/release — cancel a hold and give its credits back
import { methodNotAllowed } from "@/lib/http/methods";
import { creditsHeader } from "@/lib/metering/headers";
import { money, v1Route } from "@/lib/metering/http";
import { releaseReservation } from "@/lib/metering/reservations";

export const POST = v1Route<{ id: string }>(async (_req, caller, _rate, { id }) => {
  const result = await releaseReservation(caller.workspace.id, id);
  return {
    body: {
      id,
      status: "released",
      released: money(result.releasedMillicredits),
      balance: money(result.balanceMillicredits),
    },
    headers: creditsHeader(result.balanceMillicredits),
  };
});

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
