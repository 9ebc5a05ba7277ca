import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type PaymentFailedProps = {
  name: string | null;
  plan: string;
  amount: string;
  /** The day the workspace moves to the free plan if the payment is still missing. */
  graceEnds: string;
  paymentMethodUrl: string;
};

export default function PaymentFailed({
  name,
  plan,
  amount,
  graceEnds,
  paymentMethodUrl,
}: PaymentFailedProps) {
  return (
    <EmailLayout preview={`We couldn't charge ${amount} for your ${plan} plan`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Your payment didn&apos;t go through
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, we tried to charge {amount} for your {plan} plan, and the card was declined.
      </Text>
      <Section style={{ backgroundColor: "#fff7ed", borderRadius: 6, padding: "12px 16px" }}>
        <Text style={{ ...textStyle, margin: 0 }}>
          Your plan keeps working until {graceEnds}. If the payment is still missing then, the workspace moves
          to the free plan.
        </Text>
      </Section>
      <Button href={paymentMethodUrl} style={{ ...buttonStyle, marginTop: 16 }}>
        Update payment method
      </Button>
    </EmailLayout>
  );
}

PaymentFailed.PreviewProps = {
  name: "Ada",
  plan: "Pro",
  amount: "$79",
  graceEnds: "Nov 28, 2026",
  paymentMethodUrl: "http://localhost:3000/dashboard/billing",
} satisfies PaymentFailedProps;
