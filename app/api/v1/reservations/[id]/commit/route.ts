// POST /api/v1/reservations/{id}/commit — charge the actual usage and give the hold back
import { creditsHeader, money, parseBody, usageBody, v1Route } from "@/lib/metering/http";
import { commitReservation, commitSchema } from "@/lib/metering/reservations";

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return v1Route(async (request, caller) => {
    const result = await commitReservation(caller, id, await parseBody(request, commitSchema));
    return {
      body: { ...usageBody(result), reservation: { id, held: money(result.heldMillicredits), status: "committed" } },
      headers: creditsHeader(result.balanceMillicredits),
    };
  })(req);
}
