import { z } from "zod";
import type { FeatureCell } from "@/lib/catalog/features";

// The matrices post one field per cell, so they parse the whole form rather than named fields.

/**
 * Tier × feature: `has:<tierId>:<featureId>=on` for each ticked cell, and `limit:<tierId>:<featureId>`
 * beside each limit feature (blank = unlimited). A limit beside an unticked cell is ignored.
 */
export const featureMatrixSchema = z.record(z.string(), z.unknown()).transform((form, ctx) => {
  const cells: FeatureCell[] = [];
  for (const [name, value] of Object.entries(form)) {
    const [kind, tierId, featureId] = name.split(":");
    if (kind !== "has" || value !== "on" || !tierId || !featureId) continue;
    const limitName = `limit:${tierId}:${featureId}`;
    const raw = form[limitName];
    const limit = typeof raw === "string" ? raw.trim().replaceAll(",", "") : "";
    if (limit !== "" && !/^\d{1,9}$/.test(limit)) {
      ctx.addIssue({
        code: "custom",
        path: [limitName],
        message: "Enter a whole number, or leave blank for unlimited.",
      });
      continue;
    }
    cells.push({ tierId, featureId, limitValue: limit === "" ? null : Number(limit) });
  }
  return cells;
});

/** Tier × model: `access:<tierId>:<modelId>=on` for each ticked cell. */
export const modelAccessSchema = z.record(z.string(), z.unknown()).transform((form) =>
  Object.entries(form).flatMap(([name, value]) => {
    const [kind, tierId, modelId] = name.split(":");
    return kind === "access" && value === "on" && tierId && modelId ? [{ tierId, modelId }] : [];
  }),
);
