import "server-only";
import { accountTypeLabel, planName } from "@/components/admin/workspace-labels";
import { creditsString } from "@/lib/catalog/money";
import { csvRow, type CsvValue } from "@/lib/utils/csv";
import type { SearchParams } from "./filters";
import { countPayments, parsePaymentFilter, parsePaymentSort, paymentRows } from "./payments";
import { countUsers, parseUserFilter, parseUserSort, userRows } from "./users";
import { countWorkspaces, parseWorkspaceFilter, parseWorkspaceSort, workspaceRows } from "./workspaces";

// CSV exports of the admin lists (users, workspaces, payments): every row matching the page's
// filters, in the page's sort, streamed in batches so a large list never sits in memory. Amounts
// are in people's units (credits, dollars), times in ISO 8601 UTC.

type ExportSpec<F, S, R> = {
  columns: readonly string[];
  parse: (params: SearchParams) => { filter: F; sort: S };
  count: (filter: F) => Promise<number>;
  rows: (filter: F, sort: S, skip: number, take: number) => Promise<R[]>;
  csv: (row: R) => CsvValue[];
};

const spec = <F, S, R>(s: ExportSpec<F, S, R>) => s;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const dollars = (cents: number) => (cents / 100).toFixed(2);

const EXPORTS = {
  users: spec({
    columns: [
      "id",
      "email",
      "name",
      "role",
      "email_verified_at",
      "plan",
      "account_type",
      "status",
      "signed_up_at",
    ],
    parse: (p) => ({ filter: parseUserFilter(p), sort: parseUserSort(p) }),
    count: countUsers,
    rows: userRows,
    csv: (u) => {
      const owned = u.memberships[0]?.workspace;
      return [
        u.id,
        u.email,
        u.name,
        u.role,
        iso(u.emailVerifiedAt),
        owned ? planName(owned.subscriptions) : null,
        owned ? accountTypeLabel(owned.accountType) : null,
        u.memberships.some((m) => m.workspace.suspendedAt) ? "suspended" : "active",
        iso(u.createdAt),
      ];
    },
  }),
  workspaces: spec({
    columns: [
      "id",
      "name",
      "slug",
      "owner_email",
      "tier",
      "account_type",
      "balance_credits",
      "status",
      "created_at",
    ],
    parse: (p) => ({ filter: parseWorkspaceFilter(p), sort: parseWorkspaceSort(p) }),
    count: countWorkspaces,
    rows: workspaceRows,
    csv: (w) => [
      w.id,
      w.name,
      w.slug,
      w.memberships[0]?.user.email ?? null,
      planName(w.subscriptions),
      accountTypeLabel(w.accountType),
      creditsString(w.balanceMillicredits),
      w.suspendedAt ? "suspended" : "active",
      iso(w.createdAt),
    ],
  }),
  payments: spec({
    columns: [
      "id",
      "created_at",
      "workspace_id",
      "workspace",
      "description",
      "amount",
      "discount",
      "refunded",
      "currency",
      "status",
      "provider",
    ],
    parse: (p) => ({ filter: parsePaymentFilter(p), sort: parsePaymentSort(p) }),
    count: countPayments,
    rows: paymentRows,
    csv: (p) => [
      p.id,
      iso(p.createdAt),
      p.workspaceId,
      p.workspaceName,
      p.description,
      dollars(p.amountCents),
      dollars(p.discountCents),
      dollars(p.refundedCents),
      p.currency.toUpperCase(),
      p.status,
      p.provider,
    ],
  }),
};

export type AdminExportName = keyof typeof EXPORTS;
export const isAdminExport = (name: string): name is AdminExportName => Object.hasOwn(EXPORTS, name);

/** The list's CSV as a stream, with the number of rows it will hold (for the button's progress). */
export async function streamAdminExport(name: AdminExportName, params: SearchParams, batchSize = 500) {
  const s = EXPORTS[name] as ExportSpec<unknown, unknown, unknown>;
  const { filter, sort } = s.parse(params);
  const total = await s.count(filter);
  const encoder = new TextEncoder();
  let skip = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(s.columns)));
    },
    async pull(controller) {
      const rows = await s.rows(filter, sort, skip, batchSize);
      skip += rows.length;
      if (rows.length) controller.enqueue(encoder.encode(rows.map((r) => csvRow(s.csv(r))).join("")));
      if (rows.length < batchSize) controller.close();
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return { stream, total, filename: `${name}-${day}.csv` };
}
