import type { ReactElement } from "react";
import AnalyticsReport from "@/emails/analytics-report";
import CancellationConfirmed from "@/emails/cancellation-confirmed";
import AutoTopUpDeclined from "@/emails/auto-top-up-declined";
import CouponRedeemed from "@/emails/coupon-redeemed";
import CreditPackReceipt from "@/emails/credit-pack-receipt";
import DowngradeScheduled from "@/emails/downgrade-scheduled";
import LowCredits from "@/emails/low-credits";
import LedgerMismatch from "@/emails/ledger-mismatch";
import PaymentFailed from "@/emails/payment-failed";
import PaymentReceipt from "@/emails/payment-receipt";
import PlanTermsChanging from "@/emails/plan-terms-changing";
import QuotaExceeded from "@/emails/quota-exceeded";
import QuotaWarning from "@/emails/quota-warning";
import ReferralReward from "@/emails/referral-reward";
import RefundIssued from "@/emails/refund-issued";
import RenewalReminder from "@/emails/renewal-reminder";
import ResetPassword from "@/emails/reset-password";
import SignUpAttempt from "@/emails/sign-up-attempt";
import SubscriptionCanceled from "@/emails/subscription-canceled";
import TeamInvite from "@/emails/team-invite";
import TierUpgraded from "@/emails/tier-upgraded";
import VerifyEmail from "@/emails/verify-email";
import WeeklyUsageSummary from "@/emails/weekly-usage-summary";
import Welcome from "@/emails/welcome";

/** A registry entry: the component renders the email, its PreviewProps preview it, `subject` names it. */
// `subject` gets the company's name (the branding settings) as its second argument.
function template<P>(
  Component: { (p: P): ReactElement; PreviewProps: NoInfer<P> },
  subject: (p: P, company: string) => string,
) {
  return { subject, render: (p: P) => Component(p), preview: Component.PreviewProps };
}

// Each template: its component and subject. The registry is what sendEmail and the admin
// template previews render from.
export const templates = {
  "verify-email": template(VerifyEmail, (_, company) => `Confirm your email for ${company}`),
  "reset-password": template(ResetPassword, (_, company) => `Reset your ${company} password`),
  "sign-up-attempt": template(
    SignUpAttempt,
    (_, company) => `Someone tried to sign up to ${company} with your email`,
  ),
  "payment-receipt": template(PaymentReceipt, (p, company) => `Your ${company} receipt: ${p.description}`),
  "payment-failed": template(PaymentFailed, (p) => `Action needed: your ${p.plan} payment failed`),
  welcome: template(Welcome, (_, company) => `Welcome to ${company}`),
  "credit-pack-receipt": template(
    CreditPackReceipt,
    (p, company) => `Receipt: ${p.credits} added to your ${company} balance`,
  ),
  "tier-upgraded": template(TierUpgraded, (p) => `You're now on ${p.toPlan}`),
  "downgrade-scheduled": template(
    DowngradeScheduled,
    (p) => `Your plan changes to ${p.toPlan} on ${p.effectiveOn}`,
  ),
  "subscription-canceled": template(SubscriptionCanceled, (p) => `Your ${p.plan} plan has ended`),
  "cancellation-confirmed": template(
    CancellationConfirmed,
    (p) => `Your ${p.plan} plan is cancelled: it ends on ${p.endsOn}`,
  ),
  "renewal-reminder": template(
    RenewalReminder,
    (p) => `Your ${p.plan} plan ends in ${p.daysLeft} ${p.daysLeft === 1 ? "day" : "days"}`,
  ),
  "quota-warning": template(
    QuotaWarning,
    (p) => `You've used ${p.percent}% of today's quota in ${p.workspace}`,
  ),
  "quota-exceeded": template(QuotaExceeded, (p) => `Today's quota is used up in ${p.workspace}`),
  "low-credits": template(LowCredits, (_, company) => `Your ${company} credits are running low`),
  "weekly-usage-summary": template(
    WeeklyUsageSummary,
    (p, company) => `Your ${company} week: ${p.calls} calls in ${p.workspace}`,
  ),
  "team-invite": template(
    TeamInvite,
    (p, company) => `${p.inviterName} invited you to ${p.workspace} on ${company}`,
  ),
  "referral-reward": template(ReferralReward, (p) => `You earned ${p.credits} for a referral`),
  "coupon-redeemed": template(CouponRedeemed, (p) => `Coupon ${p.code} applied`),
  "plan-terms-changing": template(
    PlanTermsChanging,
    (p) => `Your ${p.plan} plan changes on ${p.effectiveOn}`,
  ),
  "auto-top-up-declined": template(
    AutoTopUpDeclined,
    (p) => `Auto top-up declined: ${p.amount} for ${p.workspace}`,
  ),
  "ledger-mismatch": template(
    LedgerMismatch,
    (p) => `Ledger check ${p.day}: ${p.total} balance${p.total === 1 ? "" : "s"} do not match`,
  ),
  "refund-issued": template(RefundIssued, (p, company) => `${company} refunded ${p.amount} to you`),
  "analytics-report": template(
    AnalyticsReport,
    (p, company) => `${company} ${p.frequency.toLowerCase()} report: ${p.period}`,
  ),
} satisfies Record<
  string,
  { subject: (p: never, company: string) => string; render: (p: never) => ReactElement; preview: unknown }
>;

export type TemplateName = keyof typeof templates;
export type TemplateProps<T extends TemplateName> = Parameters<(typeof templates)[T]["render"]>[0];
