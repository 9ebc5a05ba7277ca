// GET /admin/outbox/[id] — one stored email: delivery details, its text, its links and its HTML; resend it.
import Link from "next/link";
import { Detail, DetailList, linkClass } from "@/components/admin/detail-list";
import { outboxAttachments } from "@/lib/email/send";
import { formatCount } from "@/lib/utils/format";
import { ActionButton } from "@/components/forms/action-button";
import { TitledCard } from "@/components/ui/card";
import { categoryLabel, getOutboxEmail, unsubscribeHeaders } from "@/lib/email/admin";
import { StatusBadge } from "@/components/ui/badge";
import { AdminPage } from "../../../_components/admin-page";
import { adminRecord, type RecordProps } from "../../../_components/admin-record";
import { formatDateTime } from "../../../_components/format";
import { extractLinks } from "./links";
import { resendEmailAction } from "./actions";

const record = adminRecord("Email", getOutboxEmail, "subject");

export const generateMetadata = record.metadata;

export default async function OutboxEmailPage(props: RecordProps) {
  const email = await record.load(props);
  const links = extractLinks(email.text);
  const listHeaders = unsubscribeHeaders(email.headers);

  return (
    <AdminPage
      className="max-w-4xl"
      title={email.subject}
      back={{ href: "/admin/outbox", label: "Back to the outbox" }}
      actions={
        // A resend is a new outbox row; on success the action opens it.
        <ActionButton
          action={resendEmailAction}
          fields={{ id: email.id }}
          label="Resend"
          pendingLabel="Resending…"
        />
      }
    >
      <TitledCard title="Delivery">
        <DetailList>
          <Detail label="To">{email.to}</Detail>
          <Detail label="Template">
            <span className="font-mono text-xs">{email.template}</span>
          </Detail>
          <Detail label="Status">
            <StatusBadge status={email.status} />
          </Detail>
          <Detail label="Category">{categoryLabel(email.category)}</Detail>
          <Detail label="Attempts">{email.attempts}</Detail>
          <Detail label="Attachments">
            {outboxAttachments(email.attachments)
              .map((a) => `${a.filename} (${formatCount(Math.ceil((a.content.length * 3) / 4 / 1024))} KB)`)
              .join(", ") || "None"}
          </Detail>
          <Detail label="Last attempt">
            {email.lastAttemptAt ? formatDateTime(email.lastAttemptAt) : "Not attempted yet"}
          </Detail>
          <Detail label="Created">{formatDateTime(email.createdAt)}</Detail>
          <Detail label="Sent">{email.sentAt ? formatDateTime(email.sentAt) : "Not sent yet"}</Detail>
          {email.resendOfId ? (
            <Detail label="Resend of" wide>
              <Link href={`/admin/outbox/${email.resendOfId}`} className={linkClass}>
                View the original email
              </Link>
            </Detail>
          ) : null}
          {email.resends.length > 0 ? (
            <Detail label="Resent as" wide>
              <ul className="grid gap-1">
                {email.resends.map((resend) => (
                  <li key={resend.id}>
                    <Link href={`/admin/outbox/${resend.id}`} className={linkClass}>
                      Resent {formatDateTime(resend.createdAt)}
                    </Link>
                  </li>
                ))}
              </ul>
            </Detail>
          ) : null}
          <Detail label="Unsubscribe headers" wide>
            {listHeaders.length === 0 ? (
              "None"
            ) : (
              <ul className="grid gap-1">
                {listHeaders.map(([name, value]) => (
                  <li key={name} className="font-mono text-xs break-all">
                    {name}: {value}
                  </li>
                ))}
              </ul>
            )}
          </Detail>
          <Detail label="Last error" wide>
            {email.lastError ?? "None"}
          </Detail>
        </DetailList>
      </TitledCard>

      <TitledCard title="Links in this email">
        {links.length === 0 ? (
          <p className="text-sm text-muted-foreground">This email has no links.</p>
        ) : (
          <ul className="grid gap-2 text-sm">
            {links.map((href) => (
              <li key={href}>
                <a
                  href={href}
                  className="font-medium break-all text-primary underline underline-offset-4 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                >
                  {href}
                </a>
              </li>
            ))}
          </ul>
        )}
      </TitledCard>

      <TitledCard title="Plain text">
        <pre className="rounded-md bg-muted p-4 font-mono text-sm wrap-anywhere whitespace-pre-wrap">
          {email.text}
        </pre>
      </TitledCard>

      <TitledCard title="HTML preview">
        {/* Empty sandbox: the email's HTML can't run scripts, submit forms or navigate this page. */}
        <iframe
          sandbox=""
          srcDoc={email.html}
          title="Email preview"
          className="h-[36rem] w-full rounded-md border bg-white"
        />
      </TitledCard>
    </AdminPage>
  );
}
