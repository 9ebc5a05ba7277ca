import type { ReactElement } from "react";
import CouponRedeemed, { type CouponRedeemedProps } from "@/emails/coupon-redeemed";
import CreditPackReceipt, { type CreditPackReceiptProps } from "@/emails/credit-pack-receipt";
import DowngradeScheduled, { type DowngradeScheduledProps } from "@/emails/downgrade-scheduled";
import LowCredits, { type LowCreditsProps } from "@/emails/low-credits";
import LedgerMismatch, { type LedgerMismatchProps } from "@/emails/ledger-mismatch";
import PaymentFailed, { type PaymentFailedProps } from "@/emails/payment-failed";
import PaymentReceipt, { type PaymentReceiptProps } from "@/emails/payment-receipt";
import PlanTermsChanging, { type PlanTermsChangingProps } from "@/emails/plan-terms-changing";
import QuotaExceeded, { type QuotaExceededProps } from "@/emails/quota-exceeded";
import QuotaWarning, { type QuotaWarningProps } from "@/emails/quota-warning";
import ReferralReward, { type ReferralRewardProps } from "@/emails/referral-reward";
import RenewalReminder, { type RenewalReminderProps } from "@/emails/renewal-reminder";
import ResetPassword, { type ResetPasswordProps } from "@/emails/reset-password";
import SignUpAttempt, { type SignUpAttemptProps } from "@/emails/sign-up-attempt";
import SubscriptionCanceled, { type SubscriptionCanceledProps } from "@/emails/subscription-canceled";
import TeamInvite, { type TeamInviteProps } from "@/emails/team-invite";
import TierUpgraded, { type TierUpgradedProps } from "@/emails/tier-upgraded";
import VerifyEmail, { type VerifyEmailProps } from "@/emails/verify-email";
import WeeklyUsageSummary, { type WeeklyUsageSummaryProps } from "@/emails/weekly-usage-summary";
import Welcome, { type WelcomeProps } from "@/emails/welcome";

// Each template: its component and subject. The registry is what sendEmail and the admin
// template previews render from.
export const templates = {
  "verify-email": {
    subject: () => "Confirm your email for Tollgate",
    render: (p: VerifyEmailProps) => VerifyEmail(p),
    preview: VerifyEmail.PreviewProps,
  },
  "reset-password": {
    subject: () => "Reset your Tollgate password",
    render: (p: ResetPasswordProps) => ResetPassword(p),
    preview: ResetPassword.PreviewProps,
  },
  "sign-up-attempt": {
    subject: () => "Someone tried to sign up to Tollgate with your email",
    render: (p: SignUpAttemptProps) => SignUpAttempt(p),
    preview: SignUpAttempt.PreviewProps,
  },
  "payment-receipt": {
    subject: (p: PaymentReceiptProps) => `Your Tollgate receipt: ${p.description}`,
    render: (p: PaymentReceiptProps) => PaymentReceipt(p),
    preview: PaymentReceipt.PreviewProps,
  },
  "payment-failed": {
    subject: (p: PaymentFailedProps) => `Action needed: your ${p.plan} payment failed`,
    render: (p: PaymentFailedProps) => PaymentFailed(p),
    preview: PaymentFailed.PreviewProps,
  },
  welcome: {
    subject: () => "Welcome to Tollgate",
    render: (p: WelcomeProps) => Welcome(p),
    preview: Welcome.PreviewProps,
  },
  "credit-pack-receipt": {
    subject: (p: CreditPackReceiptProps) => `Receipt: ${p.credits} added to your Tollgate balance`,
    render: (p: CreditPackReceiptProps) => CreditPackReceipt(p),
    preview: CreditPackReceipt.PreviewProps,
  },
  "tier-upgraded": {
    subject: (p: TierUpgradedProps) => `You're now on ${p.toPlan}`,
    render: (p: TierUpgradedProps) => TierUpgraded(p),
    preview: TierUpgraded.PreviewProps,
  },
  "downgrade-scheduled": {
    subject: (p: DowngradeScheduledProps) => `Your plan changes to ${p.toPlan} on ${p.effectiveOn}`,
    render: (p: DowngradeScheduledProps) => DowngradeScheduled(p),
    preview: DowngradeScheduled.PreviewProps,
  },
  "plan-terms-changing": {
    subject: (p: PlanTermsChangingProps) => `Your ${p.plan} plan changes on ${p.effectiveOn}`,
    render: (p: PlanTermsChangingProps) => PlanTermsChanging(p),
    preview: PlanTermsChanging.PreviewProps,
  },
  "subscription-canceled": {
    subject: (p: SubscriptionCanceledProps) => `Your ${p.plan} plan has ended`,
    render: (p: SubscriptionCanceledProps) => SubscriptionCanceled(p),
    preview: SubscriptionCanceled.PreviewProps,
  },
  "renewal-reminder": {
    subject: (p: RenewalReminderProps) =>
      `Your ${p.plan} plan ends in ${p.daysLeft} ${p.daysLeft === 1 ? "day" : "days"}`,
    render: (p: RenewalReminderProps) => RenewalReminder(p),
    preview: RenewalReminder.PreviewProps,
  },
  "quota-warning": {
    subject: (p: QuotaWarningProps) => `You've used ${p.percent}% of today's quota in ${p.workspace}`,
    render: (p: QuotaWarningProps) => QuotaWarning(p),
    preview: QuotaWarning.PreviewProps,
  },
  "quota-exceeded": {
    subject: (p: QuotaExceededProps) => `Today's quota is used up in ${p.workspace}`,
    render: (p: QuotaExceededProps) => QuotaExceeded(p),
    preview: QuotaExceeded.PreviewProps,
  },
  "low-credits": {
    subject: () => "Your Tollgate credits are running low",
    render: (p: LowCreditsProps) => LowCredits(p),
    preview: LowCredits.PreviewProps,
  },
  "weekly-usage-summary": {
    subject: (p: WeeklyUsageSummaryProps) => `Your Tollgate week: ${p.calls} calls in ${p.workspace}`,
    render: (p: WeeklyUsageSummaryProps) => WeeklyUsageSummary(p),
    preview: WeeklyUsageSummary.PreviewProps,
  },
  "team-invite": {
    subject: (p: TeamInviteProps) => `${p.inviterName} invited you to ${p.workspace} on Tollgate`,
    render: (p: TeamInviteProps) => TeamInvite(p),
    preview: TeamInvite.PreviewProps,
  },
  "referral-reward": {
    subject: (p: ReferralRewardProps) => `You earned ${p.credits} for a referral`,
    render: (p: ReferralRewardProps) => ReferralReward(p),
    preview: ReferralReward.PreviewProps,
  },
  "coupon-redeemed": {
    subject: (p: CouponRedeemedProps) => `Coupon ${p.code} applied`,
    render: (p: CouponRedeemedProps) => CouponRedeemed(p),
    preview: CouponRedeemed.PreviewProps,
  },
  "ledger-mismatch": {
    subject: (p: LedgerMismatchProps) =>
      `Ledger check ${p.day}: ${p.total} balance${p.total === 1 ? "" : "s"} do not match`,
    render: (p: LedgerMismatchProps) => LedgerMismatch(p),
    preview: LedgerMismatch.PreviewProps,
  },
} satisfies Record<
  string,
  { subject: (p: never) => string; render: (p: never) => ReactElement; preview: unknown }
>;

export type TemplateName = keyof typeof templates;
export type TemplateProps<T extends TemplateName> = Parameters<(typeof templates)[T]["render"]>[0];
