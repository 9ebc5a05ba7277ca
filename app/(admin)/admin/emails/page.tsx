// GET /admin/emails?template=… — the template gallery: every template by name and subject, the
// chosen one rendered with its sample data, and a test send.
import type { Metadata } from "next";
import Link from "next/link";
import { FormCard } from "@/components/admin/form-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { isTemplateName, listTemplates, renderTemplatePreview } from "@/lib/email/admin";
import { cn } from "@/lib/utils/cn";
import { AdminPage } from "../../_components/admin-page";
import { SendTestForm } from "./send-test-form";

export const metadata: Metadata = { title: "Email templates" };

export default async function EmailTemplatesPage(props: { searchParams: Promise<{ template?: string }> }) {
  const admin = await requireAdmin("settings");
  const templates = await listTemplates();
  const { template } = await props.searchParams;
  const selected = isTemplateName(template) ? template : templates[0].name;
  const preview = await renderTemplatePreview(selected);

  return (
    <AdminPage
      title="Email templates"
      description="Every email Tollgate can send, rendered with sample data."
    >
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <nav aria-label="Templates">
          <ul className="grid gap-1">
            {templates.map((t) => (
              <li key={t.name}>
                <Link
                  href={`/admin/emails?template=${t.name}`}
                  aria-current={t.name === selected ? "page" : undefined}
                  className={cn(
                    "grid rounded-md px-3 py-2 text-sm hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                    t.name === selected && "bg-muted font-medium",
                  )}
                >
                  <span className="font-mono break-all">{t.name}</span>
                  <span className="text-xs break-words text-muted-foreground">{t.subject}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>

        <div className="grid min-w-0 content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle className="font-mono text-base break-all">{selected}</CardTitle>
              <CardDescription className="break-words">Subject: {preview.subject}</CardDescription>
            </CardHeader>
            <CardContent>
              {/* Empty sandbox: the template's HTML can't run scripts, submit forms or navigate this page. */}
              <iframe
                sandbox=""
                srcDoc={preview.html}
                title={`Preview of the ${selected} email`}
                className="h-[640px] w-full rounded-md border bg-white"
              />
            </CardContent>
          </Card>

          <FormCard
            title="Send a test email"
            description="Sends a template with its sample data. It goes through the outbox like any other email."
          >
            <SendTestForm
              key={selected}
              templates={templates}
              defaultTemplate={selected}
              defaultTo={admin.email}
            />
          </FormCard>
        </div>
      </div>
    </AdminPage>
  );
}
