// GET /admin/emails — every email template rendered with its preview props, and a test send.
import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { listTemplates, renderTemplatePreview } from "@/lib/email/admin";
import { SendTestForm } from "./send-test-form";

export const metadata: Metadata = { title: "Email templates" };

export default async function EmailTemplatesPage() {
  const admin = await requireAdmin();
  const templates = listTemplates();
  const previews = await Promise.all(templates.map(async (t) => ({ name: t.name, ...(await renderTemplatePreview(t.name)) })));

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Email templates</h1>
        <p className="text-muted-foreground">Every email Tollgate can send, rendered with sample data.</p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Send a test email</CardTitle>
          <CardDescription>Sends the template with its sample data. It goes through the outbox like any other email.</CardDescription>
        </CardHeader>
        <CardContent>
          <SendTestForm templates={templates} defaultTo={admin.email} />
        </CardContent>
      </Card>

      <ul className="grid gap-6 xl:grid-cols-2" aria-label="Templates">
        {previews.map((preview) => (
          <li key={preview.name} id={`template-${preview.name}`} className="min-w-0">
            <Card className="h-full">
              <CardHeader>
                <CardTitle className="break-all font-mono text-base">{preview.name}</CardTitle>
                <CardDescription className="break-words">
                  <span className="sr-only">Subject: </span>
                  <span>{preview.subject}</span>
                </CardDescription>
              </CardHeader>
              <CardContent>
                {/* Empty sandbox: the template's HTML can't run scripts, submit forms or navigate this page. */}
                <iframe sandbox="" srcDoc={preview.html} title={`Preview of the ${preview.name} email`} loading="lazy" className="h-[480px] w-full rounded-md border bg-white" />
              </CardContent>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
