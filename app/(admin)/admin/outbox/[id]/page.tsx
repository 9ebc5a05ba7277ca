// GET /admin/outbox/[id] — one stored email: delivery details, its text, its links and its HTML; resend it.
import type { Metadata } from "next";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { categoryLabel, getOutboxEmail, unsubscribeHeaders } from "@/lib/email/admin";
import { EmailStatusBadge } from "../../../_components/badges";
import { formatDateTime } from "../../../_components/format";
import { extractLinks } from "./links";
import { ResendButton } from "./resend-button";
import { requireAdmin } from "@/lib/auth/session";

type Props = { params: Promise<{ id: string }> };

// Metadata and the page both need the row; one query per request.
const getEmail = cache(getOutboxEmail);

export async function generateMetadata(props: Props): Promise<Metadata> {
  await requireAdmin();
  const email = await getEmail((await props.params).id);
  return { title: email ? `Email: ${email.subject}` : "Email not found" };
}

export default async function OutboxEmailPage(props: Props) {
  await requireAdmin();
  const email = await getEmail((await props.params).id);
  if (!email) notFound();
  const links = extractLinks(email.text);
  const listHeaders = unsubscribeHeaders(email.headers);

  return (
    <div className="mx-auto grid max-w-4xl gap-6">
      <Link
        href="/admin/outbox"
        className="inline-flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <ArrowLeft className="size-4" aria-hidden /> Back to the outbox
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words">{email.subject}</h1>
        <ResendButton id={email.id} />
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Delivery</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <Detail label="To">{email.to}</Detail>
            <Detail label="Template">
              <span className="font-mono text-xs">{email.template}</span>
            </Detail>
            <Detail label="Status">
              <EmailStatusBadge status={email.status} />
            </Detail>
            <Detail label="Category">{categoryLabel(email.category)}</Detail>
            <Detail label="Attempts">{email.attempts}</Detail>
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
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Links in this email</CardTitle>
        </CardHeader>
        <CardContent>
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
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Plain text</CardTitle>
        </CardHeader>
        <CardContent>
          <pre className="rounded-md bg-muted p-4 font-mono text-sm break-words whitespace-pre-wrap">
            {email.text}
          </pre>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>HTML preview</CardTitle>
        </CardHeader>
        <CardContent>
          {/* Empty sandbox: the email's HTML can't run scripts, submit forms or navigate this page. */}
          <iframe
            sandbox=""
            srcDoc={email.html}
            title="Email preview"
            className="h-[36rem] w-full rounded-md border bg-white"
          />
        </CardContent>
      </Card>
    </div>
  );
}

const linkClass =
  "rounded-sm text-primary underline underline-offset-4 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

function Detail({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "grid gap-1 sm:col-span-2" : "grid gap-1"}>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 font-medium break-words">{children}</dd>
    </div>
  );
}
