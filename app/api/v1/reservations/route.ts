// POST /api/v1/reservations — hold the estimated cost of a call whose real cost comes later
import { parseBody } from "@/lib/http/body";
import { methodNotAllowed } from "@/lib/http/methods";
import { creditsHeader } from "@/lib/metering/headers";
import { money, v1Route } from "@/lib/metering/http";
import { holdCredits, holdSchema } from "@/lib/metering/reservations";

export const POST = v1Route(async (req, caller) => {
  const hold = await holdCredits(caller, await parseBody(req, holdSchema));
  return {
    status: 201,
    body: {
      id: hold.id,
      model: hold.model,
      held: money(hold.heldMillicredits),
      expiresAt: hold.expiresAt.toISOString(),
    },
    headers: creditsHeader(hold.balanceMillicredits),
  };
});

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
