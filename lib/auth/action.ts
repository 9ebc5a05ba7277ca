import { forbidden, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError, userMessage } from "@/lib/errors";
import { can, type Permission } from "./admin-roles";
import { adminNeedsTwoFactor, getCurrentUser, getDashboardContext } from "./session";

export type ActionState = {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What was submitted, for refilling the form after an error (React resets forms after actions). */
  values?: Record<string, string>;
  /** Two-factor enrolment: the recovery codes, shown once. */
  recoveryCodes?: string[];
};

type Ctx = Awaited<ReturnType<typeof getDashboardContext>>;

// Fields a failed submission hands back so the form keeps what was typed (never secrets).
const SECRET_FIELD = /password|confirm|token|secret|key|card|cvc/i;

function submittedValues(formData: FormData) {
  const values: Record<string, string> = {};
  for (const [k, v] of formData)
    if (typeof v === "string" && !k.startsWith("$") && !SECRET_FIELD.test(k)) values[k] = v;
  return values;
}

/** Validates, runs, and turns expected errors into messages; the one path every action takes. */
// PostgreSQL cannot store NUL in text, and no person types it. (FormData itself turns unpaired
// surrogates into U+FFFD, which is storable.)
const UNSTORABLE = /\u0000/;

async function handle<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  fn: (input: z.infer<S>) => Promise<ActionState | void>,
): Promise<ActionState> {
  const unstorable = [...formData]
    .filter(([, v]) => typeof v === "string" && UNSTORABLE.test(v))
    .map(([k]) => k);
  if (unstorable.length) {
    const fieldErrors = Object.fromEntries(
      unstorable.map((k) => [k, ["This contains characters that are not allowed."]]),
    );
    return { error: "Please correct the highlighted fields.", fieldErrors };
  }
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues)
      (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return {
      error: "Please correct the highlighted fields.",
      fieldErrors,
      values: submittedValues(formData),
    };
  }
  try {
    return (await fn(parsed.data as z.infer<S>)) ?? { ok: true };
  } catch (e) {
    unstable_rethrow(e); // redirect()/forbidden() work by throwing; let Next handle them
    // A refusal about one field (details.field) shows under that field too.
    const field = e instanceof AppError && typeof e.details.field === "string" ? e.details.field : null;
    const error = userMessage(e);
    return {
      error,
      ...(field ? { fieldErrors: { [field]: [error] } } : {}),
      values: submittedValues(formData),
    };
  }
}

/** A server action anyone may call (sign-up, password reset): validated input, expected errors as messages. */
export function publicAction<S extends z.ZodType>(
  schema: S,
  fn: (input: z.infer<S>) => Promise<ActionState | void>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    return handle(schema, formData, fn);
  };
}

/** A dashboard server action: signed-in user, validated input, {user, workspace, role} on the context. */
export function userAction<S extends z.ZodType>(
  schema: S,
  fn: (input: z.infer<S>, ctx: Ctx) => Promise<ActionState | void>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const ctx = await getDashboardContext();
    return handle(schema, formData, (input) => fn(input, ctx));
  };
}

/**
 * An admin console server action: refuses anyone who is not an admin, or whose admin role lacks
 * `permission`, before reading input. A change without a named permission is for owners only
 * (deny by default: a new action must say who may run it to open it to finance or support).
 */
export function adminAction<S extends z.ZodType>(
  schema: S,
  fn: (
    input: z.infer<S>,
    ctx: { admin: NonNullable<Awaited<ReturnType<typeof getCurrentUser>>> },
  ) => Promise<ActionState | void>,
  options: { permission?: Permission } = {},
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const admin = await getCurrentUser();
    if (!admin || admin.role !== "admin" || (await adminNeedsTwoFactor(admin))) forbidden();
    if (!can(admin.adminRole, options.permission ?? "settings")) forbidden();
    return handle(schema, formData, (input) => fn(input, { admin }));
  };
}
