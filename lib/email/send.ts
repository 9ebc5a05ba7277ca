import { render } from "@react-email/render";
import { Resend } from "resend";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { templates, type TemplateName, type TemplateProps } from "./templates";

export type SendEmailInput<T extends TemplateName> = {
  template: T;
  to: string;
  props: TemplateProps<T>;
  /** Same key, same email: a retry or a double submit never sends twice. */
  idempotencyKey: string;
};

/**
 * Renders the email and writes it to the outbox. Pass the transaction that makes the change the
 * email is about, and the email exists exactly when the change does (transactional outbox).
 */
export async function queueEmail<T extends TemplateName>(input: SendEmailInput<T>, executor: Tx | typeof db = db) {
  const template = templates[input.template];
  const element = (template.render as (p: TemplateProps<T>) => React.ReactElement)(input.props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const subject = (template.subject as (p: TemplateProps<T>) => string)(input.props);
  await executor.emailOutbox.createMany({
    data: [{ template: input.template, to: input.to, subject, html, text, idempotencyKey: input.idempotencyKey }],
    skipDuplicates: true,
  });
  return input.idempotencyKey;
}

/** Sends a queued email now when Resend is configured; otherwise it stays in the outbox. */
export async function deliverQueued(idempotencyKey: string) {
  const row = await db.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey } });
  return row.status === "queued" && env.RESEND_API_KEY ? deliver(row.id) : row;
}

/**
 * Writes the email to the outbox first, then sends it through Resend when RESEND_API_KEY is set.
 * Without a key (local runs, tests) it stays in the outbox, where the admin console shows it.
 */
export async function sendEmail<T extends TemplateName>(input: SendEmailInput<T>) {
  return deliverQueued(await queueEmail(input));
}

/** Hands one queued outbox row to Resend and records the outcome. */
export async function deliver(outboxId: string) {
  const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: outboxId } });
  if (row.status === "sent" || !env.RESEND_API_KEY) return row;
  const resend = new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  const { data, error } = await resend.emails
    .send(
      { from: env.EMAIL_FROM, to: row.to, subject: row.subject, html: row.html, text: row.text },
      { idempotencyKey: row.idempotencyKey },
    )
    .catch((e: unknown) => ({ data: null, error: { name: "network_error", message: String(e) } }));
  return db.emailOutbox.update({
    where: { id: row.id },
    data: error
      ? { status: "failed", attempts: { increment: 1 }, lastError: `${error.name}: ${error.message}` }
      : { status: "sent", attempts: { increment: 1 }, sentAt: new Date(), providerId: data?.id, lastError: null },
  });
}
