import "server-only";
import { render } from "@react-email/render";
import { Resend } from "resend";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/jobs/boss";
import { oneClickUnsubscribeUrl, type EmailCategory } from "@/lib/notifications/preferences";
import { emailBrand, withBrand } from "./brand";
import { templates, type TemplateName, type TemplateProps } from "./templates";

/** A file sent with an email; stored in the outbox (base64) so a retry sends the same bytes. */
export type EmailAttachment = { filename: string; contentType: string; content: Buffer };
type StoredAttachment = { filename: string; contentType: string; content: string };

/** The attachments an outbox row holds (names and types; content as base64). */
export function outboxAttachments(value: unknown): StoredAttachment[] {
  return Array.isArray(value) ? (value as StoredAttachment[]) : [];
}

export type SendEmailInput<T extends TemplateName> = {
  template: T;
  to: string;
  props: TemplateProps<T>;
  /** Same key, same email: a retry or a double submit never sends twice. */
  idempotencyKey: string;
  /** Alerts and summaries: not written when the user turned the category off; carries one-click unsubscribe. */
  category?: { name: EmailCategory; userId: string };
  attachments?: EmailAttachment[];
};

const listUnsubscribeHeaders = (userId: string, category: EmailCategory) => ({
  "List-Unsubscribe": `<${oneClickUnsubscribeUrl(userId, category)}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});

/**
 * Renders the email and writes it to the outbox. Pass the transaction that makes the change the
 * email is about, and the email exists exactly when the change does (transactional outbox).
 * Returns the idempotency key, or null when the recipient unsubscribed from the email's category.
 */
export async function queueEmail<T extends TemplateName>(
  input: SendEmailInput<T>,
  executor: Tx | typeof db = db,
): Promise<string | null> {
  const { category } = input;
  if (
    category &&
    (await executor.emailOptOut.count({ where: { userId: category.userId, category: category.name } }))
  )
    return null;
  const template = templates[input.template];
  const brand = await emailBrand(executor);
  const element = withBrand(
    (template.render as (p: TemplateProps<T>) => React.ReactElement)(input.props),
    brand,
  );
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const subject = (template.subject as (p: TemplateProps<T>, company: string) => string)(
    input.props,
    brand.companyName,
  );
  await executor.emailOutbox.createMany({
    data: [
      {
        template: input.template,
        to: input.to,
        subject,
        html,
        text,
        idempotencyKey: input.idempotencyKey,
        category: category?.name ?? null,
        headers: category ? listUnsubscribeHeaders(category.userId, category.name) : undefined,
        attachments: input.attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content.toString("base64"),
        })),
      },
    ],
    skipDuplicates: true,
  });
  return input.idempotencyKey;
}

/** Who an email goes to: the address, and the name the template greets them by. */
export type Recipient = { email: string; name: string | null };

type PersonalProps<T extends TemplateName> = Omit<TemplateProps<T>, "name">;

/** `queueEmail` to a person: `to` gives the address and the template's `name`. */
export function queueEmailTo<T extends TemplateName>(
  to: Recipient,
  input: Omit<SendEmailInput<T>, "to" | "props"> & { props: PersonalProps<T> },
  executor: Tx | typeof db = db,
) {
  const props = { name: to.name, ...input.props } as TemplateProps<T>;
  return queueEmail({ ...input, to: to.email, props }, executor);
}

/**
 * Hands a queued email to delivery after its transaction committed: one attempt right away, and
 * when that fails, retries with backoff on the job queue. Without RESEND_API_KEY the email stays in
 * the outbox (local runs and tests read it there).
 */
export async function deliverQueued(idempotencyKey: string | null) {
  if (!idempotencyKey) return null;
  const row = await db.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey } });
  if (row.status !== "queued" || !env.RESEND_API_KEY) return row;
  const attempt = await attemptDelivery(row.id);
  if (attempt.retry)
    await enqueue(
      "email-deliver",
      { outboxId: row.id },
      { singletonKey: row.id, startAfter: RETRY_AFTER_SECONDS },
    );
  return attempt.row;
}

/**
 * Writes the email to the outbox first, then sends it through Resend when RESEND_API_KEY is set.
 * Without a key (local runs, tests) it stays in the outbox, where the admin console shows it.
 */
export async function sendEmail<T extends TemplateName>(input: SendEmailInput<T>) {
  return deliverQueued(await queueEmail(input));
}

const RETRY_AFTER_SECONDS = 30;
const CLAIM_SECONDS = 120;

/**
 * One delivery attempt. The row is claimed first (queued, or a claim that ran out), so two workers
 * never send it at the same moment; Resend's idempotency key covers a crash between sending and
 * recording. `final`: no retry follows, a failure marks the email failed.
 */
export async function attemptDelivery(outboxId: string, { final = false } = {}) {
  if (!env.RESEND_API_KEY)
    return { row: await db.emailOutbox.findUniqueOrThrow({ where: { id: outboxId } }), retry: false };
  const now = new Date();
  const claimed = await db.emailOutbox.updateMany({
    where: { id: outboxId, OR: [{ status: "queued" }, { status: "sending", lockedUntil: { lt: now } }] },
    data: {
      status: "sending",
      attempts: { increment: 1 },
      lastAttemptAt: now,
      lockedUntil: new Date(now.getTime() + CLAIM_SECONDS * 1000),
    },
  });
  const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: outboxId } });
  if (!claimed.count) return { row, retry: false };
  const resend = new Resend(
    env.RESEND_API_KEY,
    env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined,
  );
  const headers = (row.headers ?? undefined) as Record<string, string> | undefined;
  const { data, error } = await resend.emails
    .send(
      {
        from: env.EMAIL_FROM,
        to: row.to,
        subject: row.subject,
        html: row.html,
        text: row.text,
        headers,
        attachments: outboxAttachments(row.attachments).map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
      },
      { idempotencyKey: row.idempotencyKey },
    )
    .catch((e: unknown) => ({ data: null, error: { name: "network_error", message: String(e) } }));
  if (!error) {
    const sent = await db.emailOutbox.update({
      where: { id: row.id },
      data: { status: "sent", sentAt: new Date(), providerId: data?.id, lastError: null, lockedUntil: null },
    });
    return { row: sent, retry: false };
  }
  const failed = await db.emailOutbox.update({
    where: { id: row.id },
    data: {
      status: final ? "failed" : "queued",
      lastError: `${error.name}: ${error.message}`,
      lockedUntil: null,
    },
  });
  return { row: failed, retry: !final };
}
