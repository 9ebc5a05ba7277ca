// GET /dashboard/credits — the current balance and every ledger entry behind it, newest first.
import type { Metadata } from "next";
import Link from "next/link";
import { PagedTable } from "@/components/ui/paged-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { parsePage } from "@/components/ui/pagination";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDashboardContext } from "@/lib/auth/session";
import { can } from "@/lib/workspaces/permissions";
import { Alert } from "@/components/ui/alert";
import { formatCents, formatCredits } from "@/lib/catalog/money";
import { listCreditPacks } from "@/lib/catalog/packs";
import { getSettings } from "@/lib/settings/settings";
import { referralLink, referralStats } from "@/lib/billing/referrals";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { LedgerKind } from "@/lib/db";
import { listLedger } from "@/lib/metering/reports";
import { formatDateTime } from "@/lib/utils/format";
import { CreditBuckets, nextExpiryLine } from "@/components/dashboard/credit-buckets";
import { creditBreakdown } from "@/lib/billing/buckets";
import { autoTopUpSettings } from "@/lib/billing/auto-top-up";
import { cardLabel, savedCard } from "@/lib/payments/saved-card";
import { AutoTopUpForm } from "./auto-top-up-form";
import { BuyCredits } from "./buy-credits";
import { RedeemCoupon } from "./redeem-coupon";

export const metadata: Metadata = { title: "Credits" };

const PAGE_SIZE = 50;

const KIND_LABEL: Record<LedgerKind, string> = {
  purchase: "Purchase",
  monthly_grant: "Monthly grant",
  rollover: "Rollover",
  referral: "Referral bonus",
  coupon: "Coupon",
  admin_adjustment: "Admin adjustment",
  usage: "Usage",
  reservation_hold: "Reservation hold",
  reservation_release: "Reservation release",
  refund: "Refund",
  expiry: "Expiry",
};

const signed = (m: bigint) => (m > 0n ? `+${formatCredits(m)}` : m < 0n ? `−${formatCredits(-m)}` : "0");

export default async function CreditsPage(props: {
  searchParams: Promise<{ page?: string | string[]; purchased?: string; pack?: string }>;
}) {
  const [{ workspace, user, role }, params] = await Promise.all([getDashboardContext(), props.searchParams]);
  const managesBilling = can(role, "billing.manage");
  const [ledger, packs, referrals, settings, breakdown, card, autoTopUp] = await Promise.all([
    listLedger(workspace.id, { page: parsePage(params.page), pageSize: PAGE_SIZE }),
    listCreditPacks({ activeOnly: true }),
    referralStats(user.id, workspace.id),
    getSettings(),
    creditBreakdown(workspace.id),
    managesBilling ? savedCard(workspace.id).catch(() => null) : null,
    autoTopUpSettings(workspace.id),
  ]);
  const expiry = nextExpiryLine(breakdown);

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        title="Credits"
        description={`Every credit that came into or went out of ${workspace.name}. Times are UTC.`}
      />

      {params.purchased ? (
        <Alert variant="success">Payment received. Your credits are in your balance.</Alert>
      ) : null}

      <Card role="region" aria-labelledby="current-balance">
        <CardHeader className="pb-3">
          <CardTitle id="current-balance" className="text-base">
            Current balance
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-1">
          <p className="text-3xl font-semibold tabular-nums">
            {formatCredits(workspace.balanceMillicredits)} credits
          </p>
          {expiry ? <p className="text-sm font-medium">{expiry}</p> : null}
          <CardDescription>
            Calls use included credits first, then promotional ones, then purchased credits, which never
            expire. 1 credit = US$0.001.{" "}
            <Link
              href="#buy-credits"
              className="rounded-sm font-medium underline underline-offset-4 hover:text-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              Compare packs
            </Link>
          </CardDescription>
          {breakdown.buckets.length ? (
            <div className="mt-3">
              <CreditBuckets breakdown={breakdown} />
            </div>
          ) : null}
        </CardContent>
      </Card>

      <Card role="region" aria-labelledby="refer-a-friend">
        <CardHeader>
          <CardTitle id="refer-a-friend">Refer a friend</CardTitle>
          <CardDescription>
            When someone signs up with your link, verifies and makes a first payment, you get{" "}
            {formatCredits(settings.referralReferrerMillicredits)} credits (in your personal workspace) and
            they get {formatCredits(settings.referralNewUserMillicredits)}.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <Label htmlFor="referral-link">Your referral link</Label>
          <Input id="referral-link" readOnly value={referralLink(user.referralCode)} className="font-mono" />
          <p className="text-sm text-muted-foreground">
            {referrals.signedUp} signed up · {referrals.rewarded} paid ·{" "}
            {formatCredits(referrals.earnedMillicredits)} credits earned here
          </p>
        </CardContent>
      </Card>

      {managesBilling ? (
        <Card role="region" aria-labelledby="redeem-coupon">
          <CardHeader>
            <CardTitle id="redeem-coupon">Redeem a coupon</CardTitle>
            <CardDescription>
              Credit coupons add credits to this workspace, once per workspace.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <RedeemCoupon />
          </CardContent>
        </Card>
      ) : null}

      {packs.length > 0 && managesBilling ? (
        <Card role="region" aria-labelledby="buy-credits">
          <CardHeader>
            <CardTitle id="buy-credits">Buy credits</CardTitle>
            <CardDescription>
              {user.emailVerifiedAt
                ? "One-time payment; the credits arrive as soon as it succeeds and do not expire."
                : "Confirm your email before buying credits."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <BuyCredits
              picked={params.pack}
              card={user.emailVerifiedAt && card ? cardLabel(card) : null}
              packs={packs.map((p) => ({
                code: p.code,
                name: p.name,
                credits: formatCredits(p.millicredits),
                bonus: p.bonusMillicredits > 0n ? formatCredits(p.bonusMillicredits) : null,
                price: formatCents(p.priceCents, p.currency),
              }))}
            />
          </CardContent>
        </Card>
      ) : null}

      {autoTopUp.paused ? (
        <Alert variant="error">
          Auto top-up is paused: the last charge was declined ({autoTopUp.paused.reason}) Update the card on
          the billing page or save the settings below to turn it back on.
        </Alert>
      ) : null}

      {packs.length > 0 && managesBilling ? (
        <Card role="region" aria-labelledby="auto-top-up">
          <CardHeader>
            <CardTitle id="auto-top-up">Auto top-up</CardTitle>
            <CardDescription>
              {card
                ? `Charges ${cardLabel(card)} when a call leaves the balance below the threshold, at most once per time the balance falls, never past the monthly cap.`
                : "Add a card on the billing page (or buy a pack with a card) to use auto top-up."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <AutoTopUpForm
              packs={packs.map((p) => ({
                code: p.code,
                label: `${p.name} (${formatCents(p.priceCents, p.currency)})`,
              }))}
              values={{
                enabled: autoTopUp.enabled,
                threshold: Number(autoTopUp.thresholdMillicredits / 1000n),
                pack: autoTopUp.pack?.code ?? packs[0].code,
                cap: Math.floor(autoTopUp.monthlyCapCents / 100),
              }}
            />
          </CardContent>
        </Card>
      ) : null}

      <PagedTable
        label="Credit ledger, newest first"
        paged={{ ...ledger, rows: ledger.entries }}
        rowKey={(e) => e.id}
        noun={["entry", "entries"]}
        pager={{ basePath: "/dashboard/credits", params: {} }}
        empty={
          <EmptyState
            title="No credit movements yet"
            description="Purchases, grants and paid calls will be listed here, each with the balance it left."
          />
        }
        columns={[
          { header: "Date (UTC)", cell: (e) => formatDateTime(e.createdAt), className: "whitespace-nowrap" },
          { header: "Kind", cell: (e) => KIND_LABEL[e.kind], className: "whitespace-nowrap" },
          {
            header: "Details",
            className: "min-w-48",
            cell: (e) => (
              <>
                {e.reason ? <span className="block break-words">{e.reason}</span> : null}
                <span className="block font-mono text-xs break-all text-muted-foreground">{e.reference}</span>
              </>
            ),
          },
          {
            header: "Amount (credits)",
            kind: "money",
            cell: (e) => (
              <span className={e.amountMillicredits > 0n ? "text-success" : undefined}>
                {signed(e.amountMillicredits)}
              </span>
            ),
            className: "font-medium",
          },
          { header: "Balance after", kind: "money", cell: (e) => formatCredits(e.balanceAfterMillicredits) },
        ]}
      />
    </div>
  );
}
