"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/action";
import { withinCreditLimit } from "@/lib/auth/admin-roles";
import { env } from "@/lib/env";
import { formatCount } from "@/lib/utils/format";
import {
  adjustWorkspaceCredits,
  compPlanFormSchema,
  compWorkspace,
  creditsFormSchema,
  creditsPhrase,
  revokeKeyFormSchema,
  revokeWorkspaceKey,
  suspendFormSchema,
  suspendWorkspace,
  unsuspendFormSchema,
  unsuspendWorkspace,
} from "@/lib/admin/workspace-actions";

// Admin actions on one workspace: validate, call one domain function, say what happened.

const refresh = (workspaceId: string) => {
  revalidatePath(`/admin/workspaces/${workspaceId}`);
  revalidatePath("/admin/workspaces");
};

export const adjustCreditsAction = adminAction(
  creditsFormSchema,
  async (input, { admin }) => {
    if (!withinCreditLimit(admin.adminRole, input.amount, env.SUPPORT_CREDIT_GRANT_LIMIT))
      return {
        error: `Your role may adjust at most ${formatCount(env.SUPPORT_CREDIT_GRANT_LIMIT)} credits at once; ask an owner.`,
      };
    const result = await adjustWorkspaceCredits({ id: admin.id, email: admin.email }, input);
    refresh(input.workspaceId);
    if (!result.applied)
      return {
        ok: true,
        message: `That adjustment was already applied; the balance is ${creditsPhrase(result.balanceMillicredits)}.`,
      };
    const amount = creditsPhrase(input.amount);
    return {
      ok: true,
      message:
        input.direction === "grant"
          ? `Granted ${amount} to ${result.workspaceName}.`
          : `Deducted ${amount} from ${result.workspaceName}.`,
    };
  },
  { permission: "credits" },
);

export const compPlanAction = adminAction(
  compPlanFormSchema,
  async (input, { admin }) => {
    const { tierName, workspaceName } = await compWorkspace({ id: admin.id, email: admin.email }, input);
    refresh(input.workspaceId);
    return {
      ok: true,
      message: `${workspaceName} is now on a comp ${tierName} plan (${input.interval === "year" ? "annual" : "monthly"}).`,
    };
  },
  { permission: "workspaces" },
);

export const suspendAction = adminAction(
  suspendFormSchema,
  async (input, { admin }) => {
    const { workspaceName } = await suspendWorkspace({ id: admin.id, email: admin.email }, input);
    refresh(input.workspaceId);
    return {
      ok: true,
      message: `${workspaceName} is suspended. Its API keys are refused until you unsuspend it.`,
    };
  },
  { permission: "workspaces" },
);

export const unsuspendAction = adminAction(
  unsuspendFormSchema,
  async (input, { admin }) => {
    const { workspaceName } = await unsuspendWorkspace({ id: admin.id, email: admin.email }, input);
    refresh(input.workspaceId);
    return { ok: true, message: `${workspaceName} is active again.` };
  },
  { permission: "workspaces" },
);

export const revokeKeyAction = adminAction(
  revokeKeyFormSchema,
  async (input, { admin }) => {
    const key = await revokeWorkspaceKey({ id: admin.id, email: admin.email }, input);
    refresh(input.workspaceId);
    return { ok: true, message: `API key “${key.name}” revoked.` };
  },
  { permission: "workspaces" },
);
