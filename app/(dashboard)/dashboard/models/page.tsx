// GET /dashboard/models — every model, its price on this workspace's plan, and the plan that unlocks the others
import type { Metadata } from "next";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TitledCard } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { getDashboardContext } from "@/lib/auth/session";
import { startPath } from "@/lib/payments/plan-choice";
import { workspaceModels, type WorkspaceModel } from "@/lib/metering/workspace-models";
import { can } from "@/lib/workspaces/permissions";

export const metadata: Metadata = { title: "Models" };

const UNIT: Record<WorkspaceModel["unit"], string> = {
  request: "request",
  image: "image",
  second: "second",
  token: "1K tokens",
};

function priceLines(m: WorkspaceModel) {
  const { perUnit, per1kInputTokens, per1kOutputTokens } = m.price;
  if (perUnit) return [`${perUnit.credits} credits / ${UNIT[m.unit]}`];
  return [
    `${per1kInputTokens?.credits} credits / 1K input tokens`,
    `${per1kOutputTokens?.credits} credits / 1K output tokens`,
  ];
}

export default async function ModelsPage() {
  const { workspace, role } = await getDashboardContext();
  const { tier, interval, models } = await workspaceModels(workspace.id);
  const managesBilling = can(role, "billing.manage");
  const included = models.filter((m) => m.allowed).length;

  const columns: Column<WorkspaceModel>[] = [
    {
      header: "Model",
      kind: "primary",
      cell: (m) => (
        <div className="grid min-w-0 gap-1">
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{m.name}</span>
            {m.beta ? <Badge variant="outline">Beta</Badge> : null}
            {m.free ? <Badge variant="secondary">Free</Badge> : null}
          </span>
          <span className="text-xs font-normal text-muted-foreground">{m.appName}</span>
          <code className="font-mono text-xs font-normal break-all text-muted-foreground">{m.model}</code>
        </div>
      ),
    },
    {
      header: "Price on your plan",
      kind: "money",
      cell: (m) => (
        <span className="grid gap-0.5">
          {priceLines(m).map((line) => (
            <span key={line}>{line}</span>
          ))}
        </span>
      ),
    },
    {
      header: "Access",
      cell: (m) =>
        m.allowed ? (
          <StatusBadge status="included" />
        ) : (
          <StatusBadge status="locked">
            {m.unlockTier ? `Needs ${m.unlockTier.name}` : "Not on any plan for sale"}
          </StatusBadge>
        ),
    },
    {
      header: "Action",
      hideHeader: true,
      kind: "actions",
      cell: (m) =>
        !m.allowed && m.unlockTier && managesBilling ? (
          <Button asChild size="sm">
            <a href={startPath({ kind: "plan", plan: m.unlockTier.code, interval })}>
              {m.unlockTier.rank > tier.rank ? "Upgrade to unlock" : "Switch plan to unlock"}
              <span className="sr-only"> {m.name}</span>
            </a>
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        title="Models"
        description={`What ${workspace.name}'s ${tier.name} plan includes, what each call costs on it, and the plan that unlocks the rest.`}
      />
      <TitledCard
        title={`${included} of ${models.length} models included on ${tier.name}`}
        description="Prices are in credits after your plan's markup (1 credit = US$0.001); calls use today's quota first where your plan has one. Apps see the same list at GET /api/v1/models."
      >
        <DataTable
          label="Models and prices on your plan"
          columns={columns}
          rows={models}
          rowKey={(m) => m.model}
        />
      </TitledCard>
      {!managesBilling ? (
        <p className="text-sm text-muted-foreground">
          Only the workspace owner, an admin or a billing member can change the plan.
        </p>
      ) : null}
    </div>
  );
}
