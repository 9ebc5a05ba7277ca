// GET /admin/outbox — every email Tollgate wrote, newest first, filterable by recipient, status, template and category.
import type { Metadata } from "next";
import Link from "next/link";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { listOutbox, outboxCategoryOptions, parseOutboxFilter, templateNames } from "@/lib/email/admin";
import { EmailStatusBadge } from "../../_components/badges";
import { FilterForm } from "../../_components/filter-form";
import { PAGE_SIZE, formatDateTime, parsePage } from "../../_components/format";
import { Pagination } from "@/components/ui/pagination";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Email outbox" };

const selectClass =
  "h-10 w-full rounded-md border border-input bg-background px-3 text-sm text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

// Long provider errors would stretch the table; the detail page shows the whole message.
const truncate = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export default async function OutboxPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const params = await props.searchParams;
  const filter = parseOutboxFilter(params);
  const { to, status, template, category } = filter;
  const { emails, total, page, pageCount } = await listOutbox(filter, parsePage(params.page), PAGE_SIZE);
  const filtered = Boolean(to || status || template || category);

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Email outbox</h1>
        <p className="text-muted-foreground">
          Every email is stored here before it is sent. Open one to read it and follow its links.
        </p>
      </div>

      <FilterForm action="/admin/outbox" label="Filter emails" active={filtered}>
        <div className="grid w-full gap-2 sm:w-72">
          <Label htmlFor="outbox-to">Recipient</Label>
          <Input id="outbox-to" name="to" type="search" defaultValue={to} autoComplete="off" />
        </div>
        <div className="grid w-full gap-2 sm:w-44">
          <Label htmlFor="outbox-status">Status</Label>
          <select id="outbox-status" name="status" defaultValue={status ?? ""} className={selectClass}>
            <option value="">All statuses</option>
            <option value="queued">Queued</option>
            <option value="sending">Sending</option>
            <option value="sent">Sent</option>
            <option value="failed">Failed</option>
          </select>
        </div>
        <div className="grid w-full gap-2 sm:w-56">
          <Label htmlFor="outbox-template">Template</Label>
          <select id="outbox-template" name="template" defaultValue={template ?? ""} className={selectClass}>
            <option value="">All templates</option>
            {templateNames().map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="grid w-full gap-2 sm:w-52">
          <Label htmlFor="outbox-category">Category</Label>
          <select id="outbox-category" name="category" defaultValue={category ?? ""} className={selectClass}>
            <option value="">All categories</option>
            {outboxCategoryOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </FilterForm>

      {emails.length === 0 ? (
        <EmptyState title={filtered ? "No emails match these filters" : "No emails yet"}>
          <p>
            {filtered
              ? "Try another recipient, status, template or category."
              : "Emails appear here as Tollgate writes them, starting with sign-up confirmations."}
          </p>
        </EmptyState>
      ) : (
        <>
          <DataTable label="Emails, newest first" minWidth="min-w-[56rem]">
            <thead>
              <tr>
                <Th>Subject</Th>
                <Th>To</Th>
                <Th>Template</Th>
                <Th>Status</Th>
                <Th className="text-right">Attempts</Th>
                <Th>Last error</Th>
                <Th>Created</Th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id}>
                  <Td className="font-medium">
                    <Link
                      href={`/admin/outbox/${email.id}`}
                      className="rounded-sm underline underline-offset-4 hover:text-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                    >
                      {email.subject}
                    </Link>
                  </Td>
                  <Td className="break-all">{email.to}</Td>
                  <Td className="font-mono text-xs whitespace-nowrap">{email.template}</Td>
                  <Td>
                    <EmailStatusBadge status={email.status} />
                  </Td>
                  <Td className="text-right tabular-nums">{email.attempts}</Td>
                  <Td className="max-w-72 min-w-48 break-words text-muted-foreground">
                    {email.status === "failed" && email.lastError ? truncate(email.lastError) : null}
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(email.createdAt)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Pagination
            basePath="/admin/outbox"
            params={{ to, status, template, category }}
            page={page}
            pageCount={pageCount}
            total={total}
            noun={total === 1 ? "email" : "emails"}
          />
        </>
      )}
    </div>
  );
}
