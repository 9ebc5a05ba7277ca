import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

/** For plans that will not renew automatically. */
export type RenewalReminderProps = {
  name: string | null;
  plan: string;
  endsOn: string;
  daysLeft: number;
  billingUrl: string;
};

export default function RenewalReminder({ name, plan, endsOn, daysLeft, billingUrl }: RenewalReminderProps) {
  const days = daysLeft === 1 ? "1 day" : `${daysLeft} days`;
  return (
    <EmailLayout preview={`Your ${plan} plan ends on ${endsOn} and will not renew`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Your {plan} plan ends soon
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, your {plan} plan ends on {endsOn}, in {days}. It is set not to renew, so nothing
        will be charged.
      </Text>
      <Section style={{ backgroundColor: "#fff7ed", borderRadius: 6, padding: "12px 16px" }}>
        <Text style={{ ...textStyle, margin: 0 }}>
          After {endsOn}, your workspace moves to the free plan: your API keys keep working with its daily
          quota and monthly credits, and paid calls past them draw from your credit balance.
        </Text>
      </Section>
      <Button href={billingUrl} style={{ ...buttonStyle, marginTop: 16 }}>
        Keep my plan
      </Button>
    </EmailLayout>
  );
}

RenewalReminder.PreviewProps = {
  name: "Ada",
  plan: "Pro",
  endsOn: "Nov 24, 2026",
  daysLeft: 7,
  billingUrl: "http://localhost:3000/dashboard/billing",
} satisfies RenewalReminderProps;
