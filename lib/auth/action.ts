import { forbidden, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { userMessage } from "@/lib/errors";
import { getCurrentUser, getDashboardContext } from "./session";

export type ActionState = {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
};

type Ctx = Awaited<ReturnType<typeof getDashboardContext>>;

function parse<S extends z.ZodType>(schema: S, formData: FormData) {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (parsed.success) return { data: parsed.data as z.infer<S> };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return { state: { error: "Please correct the highlighted fields.", fieldErrors } satisfies ActionState };
}

async function run(fn: () => Promise<ActionState | void>): Promise<ActionState> {
  try {
    return (await fn()) ?? { ok: true };
  } catch (e) {
    unstable_rethrow(e); // redirect()/forbidden() work by throwing; let Next handle them
    return { error: userMessage(e) };
  }
}

/** A server action anyone may call (sign-up, password reset): validated input, expected errors as messages. */
export function publicAction<S extends z.ZodType>(schema: S, fn: (input: z.infer<S>) => Promise<ActionState | void>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const { data, state } = parse(schema, formData);
    if (state) return state;
    return run(() => fn(data as z.infer<S>));
  };
}

/** A dashboard server action: signed-in user, validated input, {user, workspace, role} on the context. */
export function userAction<S extends z.ZodType>(schema: S, fn: (input: z.infer<S>, ctx: Ctx) => Promise<ActionState | void>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const ctx = await getDashboardContext();
    const { data, state } = parse(schema, formData);
    if (state) return state;
    return run(() => fn(data as z.infer<S>, ctx));
  };
}

/** An admin console server action: refuses anyone who is not an admin before reading input. */
export function adminAction<S extends z.ZodType>(
  schema: S,
  fn: (input: z.infer<S>, ctx: { admin: NonNullable<Awaited<ReturnType<typeof getCurrentUser>>> }) => Promise<ActionState | void>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const admin = await getCurrentUser();
    if (!admin || admin.role !== "admin") forbidden();
    const { data, state } = parse(schema, formData);
    if (state) return state;
    return run(() => fn(data as z.infer<S>, { admin }));
  };
}
