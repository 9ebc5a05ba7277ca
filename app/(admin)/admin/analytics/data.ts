import { cache } from "react";
import { usageByModel } from "@/lib/analytics/usage";

// The margin and usage sections both show per-model figures: one query per request (same range object).
export const modelUsage = cache(usageByModel);
