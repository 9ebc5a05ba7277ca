// PUT /api/v1/admin/workspaces/{id}/subscription — put the workspace on a manual (comp) plan
import { methodNotAllowed } from "@/lib/http/methods";
import { parseBody } from "@/lib/http/body";
import { adminRoute } from "@/lib/management/http";
import {
  describeWorkspace,
  setManualSubscription,
  subscriptionSchema,
} from "@/lib/workspaces/administration";

export const PUT = adminRoute<{ id: string }>(async (req, { id }, actor) => {
  await setManualSubscription(actor, id, await parseBody(req, subscriptionSchema));
  return { body: await describeWorkspace(id) };
});

const other = methodNotAllowed("PUT");
export { other as GET, other as POST, other as PATCH, other as DELETE, other as OPTIONS };
