import type { ReactElement } from "react";
import PaymentFailed, { type PaymentFailedProps } from "@/emails/payment-failed";
import PaymentReceipt, { type PaymentReceiptProps } from "@/emails/payment-receipt";
import ResetPassword, { type ResetPasswordProps } from "@/emails/reset-password";
import VerifyEmail, { type VerifyEmailProps } from "@/emails/verify-email";
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
} satisfies Record<string, { subject: (p: never) => string; render: (p: never) => ReactElement; preview: unknown }>;

export type TemplateName = keyof typeof templates;
export type TemplateProps<T extends TemplateName> = Parameters<(typeof templates)[T]["render"]>[0];
