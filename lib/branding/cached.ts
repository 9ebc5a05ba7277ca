import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { getBranding } from "./branding";

// Pages read the brand through Next's data cache, so static pages stay static: the brand is
// fetched once, and the admin's save invalidates BRANDING_TAG (and the pages that used it).
// Code outside a Next request (jobs, emails, tests) calls getBranding() directly.
export const BRANDING_TAG = "branding";

export const getCachedBranding = cache(
  unstable_cache(() => getBranding(), ["branding"], { tags: [BRANDING_TAG], revalidate: 3600 }),
);
