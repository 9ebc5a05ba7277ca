import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type SubscriptionCanceledProps = {
  name: string | null;
  plan: string;
  endedOn: string;
  /** The plan the workspace is on now, e.g. "Pay as you go". */
  fallbackPlan: string;
  billingUrl: string;
};

export default function SubscriptionCanceled({
  name,
  plan,
  endedOn,
  fallbackPlan,
  billingUrl,
}: SubscriptionCanceledProps) {
  return (
    <EmailLayout preview={`Your ${plan} plan ended on ${endedOn}`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Your {plan} plan has ended
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, your {plan} plan ended on {endedOn}. Your workspace is now on the {fallbackPlan}{" "}
        plan, so your API keys keep working with its daily quota and monthly credits, and paid calls past them
        draw from your credit balance.
      </Text>
      <Text style={textStyle}>
        Your data and settings are all still there. Pick a plan whenever you want its limits back.
      </Text>
      <Button href={billingUrl} style={buttonStyle}>
        Choose a plan
      </Button>
    </EmailLayout>
  );
}

SubscriptionCanceled.PreviewProps = {
  name: "Ada",
  plan: "Pro",
  endedOn: "Nov 24, 2026",
  fallbackPlan: "Free",
  billingUrl: "http://localhost:3000/dashboard/billing",
} satisfies SubscriptionCanceledProps;
