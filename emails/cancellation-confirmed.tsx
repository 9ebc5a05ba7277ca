import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type CancellationConfirmedProps = {
  name: string | null;
  plan: string;
  /** The last day of the paid plan. */
  endsOn: string;
  /** The plan the workspace moves to, e.g. "Free". */
  fallbackPlan: string;
  billingUrl: string;
};

/** Sent when a subscriber cancels at period end: what they keep, until when, and how to take it back. */
export default function CancellationConfirmed({
  name,
  plan,
  endsOn,
  fallbackPlan,
  billingUrl,
}: CancellationConfirmedProps) {
  return (
    <EmailLayout preview={`Your ${plan} plan ends on ${endsOn}`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Your cancellation is confirmed
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, your {plan} plan will not renew. You keep everything in it until {endsOn}; after
        that your workspace moves to the {fallbackPlan} plan and nothing more is charged.
      </Text>
      <Text style={textStyle}>Changed your mind? Resume the plan from Billing any time before {endsOn}.</Text>
      <Button href={billingUrl} style={buttonStyle}>
        Open billing
      </Button>
    </EmailLayout>
  );
}

CancellationConfirmed.PreviewProps = {
  name: "Ada",
  plan: "Pro",
  endsOn: "Dec 24, 2026",
  fallbackPlan: "Free",
  billingUrl: "http://localhost:3000/dashboard/billing",
} satisfies CancellationConfirmedProps;
