// GET /admin/catalog/rules — dynamic pricing rules: time-of-day multipliers and volume steps.
import type { Metadata } from "next";
import Link from "next/link";
import { FormCard } from "@/components/admin/form-card";
import { linkClass } from "@/components/admin/detail-list";
import { StatusBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdmin } from "@/lib/auth/session";
import { RULE_KIND_LABEL, describeRule } from "@/lib/catalog/price-rules";
import { listPriceRules, ruleScopes, ruleStatus } from "@/lib/catalog/price-rules-store";
import { formatDateTime } from "../../../_components/format";
import { CatalogSection } from "../_components/catalog-section";
import { createPriceRuleAction } from "./actions";
import { RuleForm, emptyRule } from "./rule-form";

export const metadata: Metadata = { title: "Pricing rules" };

type Row = Awaited<ReturnType<typeof listPriceRules>>[number];

export default async function PricingRulesPage() {
  await requireAdmin();
  const [rules, scopes] = await Promise.all([listPriceRules(), ruleScopes()]);
  return (
    <>
      <CatalogSection
        title="Pricing rules"
        description="Multipliers for UTC time windows, and volume steps that lower a workspace's price as its usage of a model this UTC month passes thresholds. A model's rule wins over its plan tier's. Every change is a new version; charges keep the version they used."
      >
        <DataTable<Row>
          label="Pricing rules"
          minWidth="48rem"
          rows={rules}
          rowKey={(r) => r.latest.id}
          empty={
            <EmptyState
              title="No pricing rules yet"
              description="Every call pays its list price. Add a rule below."
            />
          }
          columns={[
            {
              header: "Rule",
              kind: "primary",
              cell: ({ latest }) => (
                <Link href={`/admin/catalog/rules/${latest.id}`} className={linkClass}>
                  {latest.name}
                </Link>
              ),
            },
            { header: "Kind", cell: ({ latest }) => RULE_KIND_LABEL[latest.kind] },
            { header: "Applies to", cell: ({ latest }) => scopes.labelOf(latest) },
            { header: "Schedule", cell: ({ latest }) => describeRule(latest) },
            { header: "Version", kind: "numeric", cell: ({ latest }) => latest.version },
            {
              header: "Effective from",
              className: "whitespace-nowrap",
              cell: ({ latest }) => formatDateTime(latest.effectiveFrom),
            },
            { header: "Status", cell: ({ versions }) => <StatusBadge status={ruleStatus(versions)} /> },
          ]}
        />
      </CatalogSection>

      <FormCard
        title="New pricing rule"
        description="Windows of one model or tier may not overlap; a scope has at most one volume rule."
      >
        <RuleForm
          rule={emptyRule}
          scopes={{ models: scopes.models, tiers: scopes.tiers }}
          action={createPriceRuleAction}
          submitLabel="Add pricing rule"
        />
      </FormCard>
    </>
  );
}
