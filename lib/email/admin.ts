import "server-only";
import { randomUUID } from "node:crypto";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { EmailStatus, Prisma, db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { emailCategories, isEmailCategory } from "@/lib/notifications/preferences";
import { getBranding } from "@/lib/branding/branding";
import { emailBrand, withBrand } from "./brand";
import { deliverQueued, queueEmail } from "./send";
import { templates, type TemplateName, type TemplateProps } from "./templates";
import { log } from "@/lib/observability/logger";

// The admin console's view of email: the outbox, resends, template previews and test sends.
// Templates are read from the registry, so a new template shows up here without changes.

type AnyTemplate = {
  subject: (p: unknown, company: string) => string;
  render: (p: unknown) => ReactElement;
  preview: unknown;
};
const entry = (name: TemplateName) => templates[name] as unknown as AnyTemplate;

export const isTemplateName = (value: unknown): value is TemplateName =>
  typeof value === "string" && Object.hasOwn(templates, value);

/** Registry names, alphabetical. */
export const templateNames = () => (Object.keys(templates) as TemplateName[]).sort();

/** Every template with the subject its preview props produce, for the gallery and pickers. */
export async function listTemplates() {
  const { companyName } = await getBranding();
  return templateNames().map((name) => ({
    name,
    subject: entry(name).subject(entry(name).preview, companyName),
  }));
}

/** The template rendered with its preview props. */
export async function renderTemplatePreview(name: string) {
  if (!isTemplateName(name)) throw new NotFoundError("Email template");
  const template = entry(name);
  const brand = await emailBrand();
  return {
    subject: template.subject(template.preview, brand.companyName),
    html: await render(withBrand(template.render(template.preview), brand)),
  };
}

// Delivery problems are the outbox's to report and the job queue's to retry; the email is written
// either way, so the admin's action succeeded.
const handOff = (key: string) =>
  deliverQueued(key).catch((e: unknown) => log.error({ err: e }, "email delivery failed"));

/** Sends a stored email again as a new outbox row pointing at the original; returns the new id. */
export async function resendEmail(actor: Actor, outboxId: string) {
  const original = await db.emailOutbox.findUnique({ where: { id: outboxId } });
  if (!original) throw new NotFoundError("Email");
  const idempotencyKey = `resend:${original.id}:${Date.now()}`;
  const copy = await db.$transaction(async (tx) => {
    const row = await tx.emailOutbox.create({
      data: {
        template: original.template,
        to: original.to,
        subject: original.subject,
        html: original.html,
        text: original.text,
        category: original.category,
        headers: original.headers === null ? Prisma.DbNull : (original.headers as Prisma.InputJsonValue),
        attachments:
          original.attachments === null ? Prisma.DbNull : (original.attachments as Prisma.InputJsonValue),
        idempotencyKey,
        resendOfId: original.id,
        status: "queued",
      },
    });
    await recordAudit(tx, {
      actor,
      action: "email.resend",
      targetType: "email",
      targetId: original.id,
      after: { resendId: row.id, to: row.to },
    });
    return row;
  });
  await handOff(idempotencyKey);
  return copy.id;
}

export const testEmailSchema = z.object({
  template: z
    .string()
    .refine(isTemplateName, "Choose a template.")
    .transform((v) => v as TemplateName),
  to: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254)),
});

/** Sends one template with its preview props to any address; returns the new outbox id. */
export async function sendTestEmail(actor: Actor, template: string, to: string) {
  const parsed = testEmailSchema.safeParse({ template, to });
  if (!parsed.success)
    throw new AppError(
      "invalid_test_email",
      parsed.error.issues[0]?.message ?? "Check the template and address.",
      400,
    );
  const { template: name, to: recipient } = parsed.data;
  const idempotencyKey = `test:${name}:${randomUUID()}`;
  const id = await db.$transaction(async (tx) => {
    await queueEmail(
      {
        template: name,
        to: recipient,
        props: entry(name).preview as TemplateProps<TemplateName>,
        idempotencyKey,
      },
      tx,
    );
    const row = await tx.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: "email.test",
      targetType: "email",
      targetId: row.id,
      after: { template: name, to: recipient },
    });
    return row.id;
  });
  await handOff(idempotencyKey);
  return id;
}

// Outbox filters as they arrive in the URL; anything unrecognised is ignored rather than an error.
export const TRANSACTIONAL = "transactional";
export const outboxCategoryOptions = [
  ...Object.entries(emailCategories).map(([value, { label }]) => ({ value, label })),
  { value: TRANSACTIONAL, label: "Transactional" },
];

export type OutboxFilter = { to: string; status?: EmailStatus; template?: TemplateName; category?: string };

export function parseOutboxFilter(params: Record<string, string | string[] | undefined>): OutboxFilter {
  const one = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : "");
  const status = one("status");
  const category = one("category");
  return {
    to: one("to").trim().toLowerCase().slice(0, 254),
    status: (Object.values(EmailStatus) as string[]).includes(status) ? (status as EmailStatus) : undefined,
    template: isTemplateName(one("template")) ? (one("template") as TemplateName) : undefined,
    category: category === TRANSACTIONAL || isEmailCategory(category) ? category : undefined,
  };
}

/** One page of the outbox, newest first; the page is clamped to the last one that exists. */
export async function listOutbox(filter: OutboxFilter, requestedPage: number, pageSize: number) {
  const where: Prisma.EmailOutboxWhereInput = {
    ...(filter.to ? { to: { contains: filter.to, mode: "insensitive" } } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.template ? { template: filter.template } : {}),
    ...(filter.category ? { category: filter.category === TRANSACTIONAL ? null : filter.category } : {}),
  };
  const total = await db.emailOutbox.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(requestedPage, pageCount);
  const emails = await db.emailOutbox.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      to: true,
      subject: true,
      template: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
    },
  });
  return { emails, total, page, pageCount };
}

/** One stored email and the resends made from it, oldest first; null when it doesn't exist. */
export async function getOutboxEmail(id: string) {
  const [email, resends] = await Promise.all([
    db.emailOutbox.findUnique({ where: { id } }),
    db.emailOutbox.findMany({
      where: { resendOfId: id },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true },
    }),
  ]);
  return email ? { ...email, resends } : null;
}

/** The category's label, or "Transactional" for mail without one. */
export const categoryLabel = (category: string | null) =>
  category === null
    ? "Transactional"
    : isEmailCategory(category)
      ? emailCategories[category].label
      : category;

/** List-Unsubscribe and List-Unsubscribe-Post from a row's stored headers, if any. */
export function unsubscribeHeaders(headers: Prisma.JsonValue | null): [string, string][] {
  if (!headers || typeof headers !== "object" || Array.isArray(headers)) return [];
  return Object.entries(headers).flatMap(([key, value]) =>
    /^list-unsubscribe/i.test(key) && typeof value === "string" ? [[key, value] as [string, string]] : [],
  );
}
