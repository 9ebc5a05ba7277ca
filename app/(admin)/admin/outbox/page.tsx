// GET /admin/outbox — every email Tollgate wrote, newest first, filterable by recipient, status, template and category.
import type { Metadata } from "next";
import { linkColumn } from "@/components/admin/link-column";
import { FilterSearch, FilterSelect } from "@/components/admin/filter-fields";
import { StatusBadge, statusLabel } from "@/components/ui/badge";
import { listOutbox, outboxCategoryOptions, parseOutboxFilter, templateNames } from "@/lib/email/admin";
import { AdminPage } from "../../_components/admin-page";
import { FilterForm } from "@/components/forms/filter-form";
import { PAGE_SIZE, formatDateTime, parsePage } from "../../_components/format";
import { PagedTable } from "@/components/ui/paged-table";
import { FilteredEmptyState } from "@/components/ui/empty-state";
import { requireAdmin } from "@/lib/auth/session";
import { SelectOptions } from "@/components/ui/native-select";
import { Alert } from "@/components/ui/alert";
import { emailProviderConfigured } from "@/lib/analytics/health";
import { NO_EMAIL_PROVIDER } from "@/lib/analytics/health-levels";

export const metadata: Metadata = { title: "Email outbox" };

const EMAIL_STATUSES = ["queued", "sending", "sent", "failed"] as const;

type Email = Awaited<ReturnType<typeof listOutbox>>["emails"][number];

// Long provider errors would stretch the table; the detail page shows the whole message.
const truncate = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export default async function OutboxPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const params = await props.searchParams;
  const filter = parseOutboxFilter(params);
  const { to, status, template, category } = filter;
  const outbox = await listOutbox(filter, parsePage(params.page), PAGE_SIZE);
  const filtered = Boolean(to || status || template || category);

  return (
    <AdminPage
      title="Email outbox"
      description="Every email is stored here before it is sent. Open one to read it and follow its links."
    >
      {emailProviderConfigured() ? null : <Alert variant="warning">{NO_EMAIL_PROVIDER}</Alert>}
      <FilterForm action="/admin/outbox" label="Filter emails" active={filtered}>
        <FilterSearch id="outbox-to" name="to" label="Recipient" value={to} />
        <FilterSelect id="outbox-status" name="status" label="Status" value={status}>
          <SelectOptions
            blank="All statuses"
            options={EMAIL_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
          />
        </FilterSelect>
        <FilterSelect
          id="outbox-template"
          name="template"
          label="Template"
          value={template}
          className="sm:w-56"
        >
          <SelectOptions blank="All templates" options={templateNames()} />
        </FilterSelect>
        <FilterSelect
          id="outbox-category"
          name="category"
          label="Category"
          value={category}
          className="sm:w-52"
        >
          <SelectOptions blank="All categories" options={outboxCategoryOptions} />
        </FilterSelect>
      </FilterForm>

      <PagedTable<Email>
        label="Emails, newest first"
        minWidth="56rem"
        paged={{ ...outbox, rows: outbox.emails }}
        rowKey={(email) => email.id}
        noun={["email", "emails"]}
        pager={{ basePath: "/admin/outbox", params: { to, status, template, category } }}
        empty={
          <FilteredEmptyState
            filtered={filtered}
            noun="emails"
            retry="Try another recipient, status, template or category."
            title="No emails yet"
            description="Emails appear here as Tollgate writes them, starting with sign-up confirmations."
          />
        }
        columns={[
          linkColumn(
            "Subject",
            (email) => `/admin/outbox/${email.id}`,
            (email) => email.subject,
            "min-w-48",
          ),
          { header: "To", className: "min-w-48 break-all", cell: (email) => email.to },
          {
            header: "Template",
            priority: "low",
            className: "font-mono text-xs whitespace-nowrap",
            cell: (email) => email.template,
          },
          { header: "Status", cell: (email) => <StatusBadge status={email.status} /> },
          { header: "Attempts", kind: "numeric", cell: (email) => email.attempts },
          {
            header: "Last error",
            priority: "low",
            className: "max-w-72 min-w-48 break-words text-muted-foreground",
            cell: (email) =>
              email.status === "failed" && email.lastError ? truncate(email.lastError) : null,
          },
          {
            header: "Created",
            className: "whitespace-nowrap",
            cell: (email) => formatDateTime(email.createdAt),
          },
        ]}
      />
    </AdminPage>
  );
}
