// GET /dashboard/usage/export — the current workspace's usage as CSV, same filters as the page, streamed.
import { getDashboardContext } from "@/lib/auth/session";
import { creditsString } from "@/lib/catalog/money";
import type { UsageEvent } from "@/lib/db";
import { usageEventsForExport } from "@/lib/metering/reports";
import { csvRow } from "@/lib/utils/csv";
import { parseUsageSearch } from "../filters";

export const dynamic = "force-dynamic";

const HEADER = [
  "time_utc",
  "event_id",
  "model",
  "quantity",
  "input_tokens",
  "output_tokens",
  "billed_to",
  "charged_credits",
  "charged_millicredits",
  "quota_units",
  "api_key_id",
  // The dynamic pricing rules the charge used (README "Dynamic pricing rules"), as id and version.
  "time_rule_id",
  "time_rule_version",
  "volume_rule_id",
  "volume_rule_version",
];

function row(e: UsageEvent) {
  return csvRow([
    e.createdAt.toISOString(),
    e.id,
    e.modelKey,
    e.quantity,
    e.inputTokens,
    e.outputTokens,
    e.billedTo,
    creditsString(e.chargedMillicredits),
    e.chargedMillicredits,
    e.quotaUnits,
    e.apiKeyId,
    e.timeRuleId,
    e.timeRuleVersion,
    e.volumeRuleId,
    e.volumeRuleVersion,
  ]);
}

export async function GET(req: Request) {
  // The workspace comes from the session (membership checked), never from the query string.
  const { workspace } = await getDashboardContext();
  const { filters } = parseUsageSearch(Object.fromEntries(new URL(req.url).searchParams));
  const rows = usageEventsForExport(workspace.id, filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(HEADER)));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map(row).join("")));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const filename = `tollgate-usage-${workspace.slug}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
