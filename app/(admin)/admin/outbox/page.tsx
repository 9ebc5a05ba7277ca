// GET /admin/outbox — every email Tollgate wrote, newest first, filterable by recipient and status.
import type { Metadata } from "next";
import Link from "next/link";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { EmailStatus, db, type Prisma } from "@/lib/db";
import { EmailStatusBadge } from "../../_components/badges";
import { FilterForm } from "../../_components/filter-form";
import { PAGE_SIZE, formatDateTime, parsePage } from "../../_components/format";
import { Pagination } from "@/components/ui/pagination";
import { DataTable, EmptyState, Td, Th } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Email outbox" };

const statuses = Object.values(EmailStatus);
const isStatus = (value: unknown): value is EmailStatus => statuses.includes(value as EmailStatus);

export default async function OutboxPage(props: { searchParams: Promise<{ to?: string; status?: string; page?: string }> }) {
  const params = await props.searchParams;
  const to = (typeof params.to === "string" ? params.to : "").trim().toLowerCase().slice(0, 254);
  const status = isStatus(params.status) ? params.status : undefined;
  const where: Prisma.EmailOutboxWhereInput = { ...(to ? { to: { contains: to, mode: "insensitive" } } : {}), ...(status ? { status } : {}) };
  const total = await db.emailOutbox.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(parsePage(params.page), pageCount);
  const emails = await db.emailOutbox.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: { id: true, to: true, subject: true, template: true, status: true, attempts: true, createdAt: true },
  });
  const filtered = Boolean(to || status);

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Email outbox</h1>
        <p className="text-muted-foreground">Every email is stored here before it is sent. Open one to read it and follow its links.</p>
      </div>

      <FilterForm action="/admin/outbox" label="Filter emails" active={filtered}>
        <div className="grid w-full gap-2 sm:w-72">
          <Label htmlFor="outbox-to">Recipient</Label>
          <Input id="outbox-to" name="to" type="search" defaultValue={to} autoComplete="off" />
        </div>
        <div className="grid w-full gap-2 sm:w-44">
          <Label htmlFor="outbox-status">Status</Label>
          <select
            id="outbox-status"
            name="status"
            defaultValue={status ?? ""}
            className="h-10 w-full rounded-md border border-input bg-background px-3 text-sm text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            <option value="">All statuses</option>
            <option value="queued">Queued</option>
            <option value="sent">Sent</option>
            <option value="failed">Failed</option>
          </select>
        </div>
      </FilterForm>

      {emails.length === 0 ? (
        <EmptyState title={filtered ? "No emails match these filters" : "No emails yet"}>
          <p>{filtered ? "Try another recipient or status." : "Emails appear here as Tollgate writes them, starting with sign-up confirmations."}</p>
        </EmptyState>
      ) : (
        <>
          <DataTable label="Emails, newest first">
            <thead>
              <tr>
                <Th>Subject</Th>
                <Th>To</Th>
                <Th>Template</Th>
                <Th>Status</Th>
                <Th className="text-right">Attempts</Th>
                <Th>Created</Th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id}>
                  <Td className="font-medium">
                    <Link
                      href={`/admin/outbox/${email.id}`}
                      className="rounded-sm underline underline-offset-4 hover:text-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      {email.subject}
                    </Link>
                  </Td>
                  <Td className="break-all">{email.to}</Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{email.template}</Td>
                  <Td>
                    <EmailStatusBadge status={email.status} />
                  </Td>
                  <Td className="text-right tabular-nums">{email.attempts}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(email.createdAt)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Pagination
            basePath="/admin/outbox"
            params={{ to, status }}
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
