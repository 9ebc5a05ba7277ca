// POST /api/v1/reservations/{id}/release — cancel a hold and give its credits back
import { creditsHeader, money, v1Route } from "@/lib/metering/http";
import { releaseReservation } from "@/lib/metering/reservations";

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return v1Route(async (_req, caller) => {
    const result = await releaseReservation(caller.workspace.id, id);
    return {
      body: { id, status: "released", released: money(result.releasedMillicredits), balance: money(result.balanceMillicredits) },
      headers: creditsHeader(result.balanceMillicredits),
    };
  })(req);
}
