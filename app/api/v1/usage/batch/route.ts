// POST /api/v1/usage/batch — up to 100 events, each charged on its own, with a result per item
// (served on the lean path: lib/http/lean-routes.ts)
import { chargeBatch, batchSchema } from "@/lib/metering/batch";
import { methodNotAllowed } from "@/lib/http/methods";
import { parseBody } from "@/lib/http/body";
import { leanRoute } from "@/lib/http/lean-routes";
import { meteredRoute, usageBody } from "@/lib/metering/http";

export const POST = leanRoute(
  "POST",
  "/api/v1/usage/batch",
  meteredRoute(async (req, caller) => {
    const { events } = await parseBody(req, batchSchema);
    const items = await chargeBatch(caller, events);
    return {
      body: {
        results: items.map((item) =>
          "result" in item
            ? {
                index: item.index,
                status: item.status,
                ...usageBody(item.result),
                replayed: item.result.replayed,
              }
            : { index: item.index, status: item.status, error: item.error },
        ),
      },
    };
  }),
);

const other = methodNotAllowed("POST");
export { other as GET, other as PUT, other as PATCH, other as DELETE, other as OPTIONS };
