import { StatusBadge } from "@/components/ui/badge";
import { formatCents } from "@/lib/catalog/money";

/** An experiment's status as the console shows it. */
export function ExperimentStatus({ status }: { status: "draft" | "running" | "ended" }) {
  if (status === "running") return <StatusBadge status="active">Running</StatusBadge>;
  if (status === "ended") return <StatusBadge status="archived">Ended</StatusBadge>;
  return <StatusBadge status="draft" />;
}

type Variant = {
  key: string;
  control: boolean;
  weight: number;
  prices: { monthlyPriceCents: number; annualPriceCents: number; tier: { name: string; currency: string } }[];
};

/** "A 50% (control) · B 50%: Pro $39/mo" */
export function variantSummary(variants: Variant[]) {
  const total = variants.reduce((s, v) => s + v.weight, 0) || 1;
  return variants
    .map((v) => {
      const share = `${v.key} ${Math.round((v.weight / total) * 100)}%`;
      if (v.control) return `${share} (control)`;
      return `${share}: ${v.prices.map((p) => `${p.tier.name} ${formatCents(p.monthlyPriceCents, p.tier.currency)}/mo`).join(", ")}`;
    })
    .join(" · ");
}

/** A variant's prices in words. */
export function variantPrices(v: Variant & { prices: { includedMillicredits: bigint | null }[] }) {
  if (v.control) return "The catalog's prices";
  return v.prices
    .map(
      (p) =>
        `${p.tier.name}: ${formatCents(p.monthlyPriceCents, p.tier.currency)} a month, ${formatCents(p.annualPriceCents, p.tier.currency)} a year`,
    )
    .join("; ");
}
