// PUT /api/v1/admin/workspaces/{id}/subscription — put the workspace on a manual (comp) plan
import { parseBody } from "@/lib/metering/http";
import { adminRoute } from "@/lib/management/http";
import { describeWorkspace, setManualSubscription, subscriptionSchema } from "@/lib/management/workspaces";

export const PUT = adminRoute<{ id: string }>(async (req, { id }, actor) => {
  await setManualSubscription(actor, id, await parseBody(req, subscriptionSchema));
  return { body: await describeWorkspace(id) };
});
