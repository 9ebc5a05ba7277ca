// GET /admin/catalog/rules/[id] — one pricing rule: save a new version, archive it, its history.
import { StatusBadge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { RULE_KIND_LABEL, describeRule, hhmm, type PriceRuleVersion } from "@/lib/catalog/price-rules";
import { findPriceRule, ruleScopes, ruleStatus } from "@/lib/catalog/price-rules-store";
import { formatDateTime } from "../../../../_components/format";
import { CatalogSection } from "../../_components/catalog-section";
import { catalogEditPage } from "../../_components/edit-page";
import { archivePriceRuleAction, updatePriceRuleAction } from "../actions";
import { RuleForm, type RuleFormValues } from "../rule-form";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function toForm(rule: PriceRuleVersion): RuleFormValues {
  const scope = rule.modelId ? `model:${rule.modelId}` : `tier:${rule.tierId}`;
  const base = { id: rule.id, kind: rule.kind, name: rule.name, scope, effectiveFrom: "" };
  return rule.kind === "time_of_day"
    ? {
        ...base,
        start: hhmm(rule.startMinute),
        end: hhmm(rule.endMinute),
        weekdays: rule.weekdays.map((d) => WEEKDAYS[d]).join(", "),
        multiplier: String(rule.multiplierBps / 10_000),
        steps: "",
      }
    : {
        ...base,
        start: "",
        end: "",
        weekdays: "",
        multiplier: "",
        steps: rule.steps.map((s) => `${s.fromUnits}: ${s.discountBps / 100}`).join("\n"),
      };
}

async function RuleDetail({ rule }: { rule: NonNullable<Awaited<ReturnType<typeof findPriceRule>>> }) {
  const scopes = await ruleScopes();
  const { latest, versions } = rule;
  const status = ruleStatus(versions);
  return (
    <>
      <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
        <StatusBadge status={status} /> {RULE_KIND_LABEL[latest.kind]} rule, version {latest.version}.
      </p>
      {latest.active ? (
        <>
          <RuleForm
            rule={toForm(latest)}
            scopes={null}
            scopeLabel={scopes.labelOf(latest)}
            action={updatePriceRuleAction}
            submitLabel="Save as new version"
          />
          <ConfirmButton
            trigger="Archive rule"
            triggerVariant="outline"
            title={`Archive ${latest.name}?`}
            description="From now on new charges no longer use it. Charges already made keep the version they used."
            confirmLabel="Archive rule"
            pendingLabel="Archiving…"
            action={archivePriceRuleAction}
            fields={{ id: latest.id }}
          />
        </>
      ) : null}
      <CatalogSection
        title="Versions"
        description="Each version applies from its effective-from until the next."
      >
        <DataTable<PriceRuleVersion>
          label="Versions"
          minWidth="36rem"
          rows={versions}
          rowKey={(v) => String(v.version)}
          columns={[
            { header: "Version", kind: "primary", cell: (v) => v.version },
            {
              header: "Effective from",
              className: "whitespace-nowrap",
              cell: (v) => formatDateTime(v.effectiveFrom),
            },
            { header: "Schedule", cell: (v) => (v.active ? describeRule(v) : "Archived") },
          ]}
        />
      </CatalogSection>
    </>
  );
}

const page = catalogEditPage(
  "Pricing rule",
  findPriceRule,
  { href: "/admin/catalog/rules", label: "All pricing rules" },
  (rule) => <RuleDetail rule={rule} />,
);

export const generateMetadata = page.generateMetadata;
export default page.Page;
