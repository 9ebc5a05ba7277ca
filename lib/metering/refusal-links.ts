import { env } from "@/lib/env";

// Where a person fixes each refusal, in one place: the API's refusal bodies carry these as absolute
// URLs on APP_URL (SPEC §8.1), and the overview links to the same pages.

export const refusalPaths = {
  buyCredits: "/dashboard/credits",
  /** The billing page, with the tier that unlocks a model preselected when there is one. */
  upgrade: (tierCode?: string | null) =>
    tierCode ? `/dashboard/billing?plan=${encodeURIComponent(tierCode)}` : "/dashboard/billing",
  overage: "/dashboard/settings",
  keyCaps: "/dashboard/api-keys",
  memberCaps: "/dashboard/team",
} as const;

/** A dashboard path as the absolute URL emails and API bodies carry. */
export const appUrl = (path: string) => `${env.APP_URL.replace(/\/+$/, "")}${path}`;
