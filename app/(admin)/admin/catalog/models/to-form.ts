import type { Model } from "@/lib/db";
import { bpsToInput } from "../_lib/form-values";
import type { ModelFormValues } from "./model-form";

/** A stored model as the strings its form edits (no BigInt crosses to the client). */
export function modelToForm(model: Model): ModelFormValues {
  return {
    id: model.id,
    appId: model.appId,
    slug: model.key.split(":")[1] ?? model.key,
    name: model.name,
    description: model.description,
    provider: model.provider ?? "",
    unit: model.unit,
    costPerUnitMicros: model.costPerUnitMicros.toString(),
    inputCostPer1kMicros: model.inputCostPer1kMicros.toString(),
    outputCostPer1kMicros: model.outputCostPer1kMicros.toString(),
    quotaWeight: String(model.quotaWeight),
    markupOverridePercent: bpsToInput(model.markupOverrideBps),
    sortOrder: String(model.sortOrder),
    enabled: model.enabled,
    free: model.free,
    beta: model.beta,
  };
}
