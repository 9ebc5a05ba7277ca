import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type PlanTermsChangingProps = {
  name: string | null;
  plan: string;
  /** The renewal from which the new terms apply. */
  effectiveOn: string;
  /** One line per term that changes, "Price: $19.00 a month → $25.00 a month". */
  changes: string[];
  billingUrl: string;
};

export default function PlanTermsChanging({
  name,
  plan,
  effectiveOn,
  changes,
  billingUrl,
}: PlanTermsChangingProps) {
  return (
    <EmailLayout preview={`Your ${plan} plan's terms change at your renewal on ${effectiveOn}`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Your {plan} plan is changing
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, from your renewal on {effectiveOn} your {plan} plan moves to its current terms.
        Until then, nothing changes.
      </Text>
      <Section style={{ backgroundColor: "#f6f7fb", borderRadius: 6, padding: "12px 16px" }}>
        {changes.map((line) => (
          <Text key={line} style={{ ...textStyle, margin: 0 }}>
            {line}
          </Text>
        ))}
      </Section>
      <Text style={textStyle}>
        You can change or cancel your plan from the billing page any time before {effectiveOn}.
      </Text>
      <Button href={billingUrl} style={{ ...buttonStyle, marginTop: 16 }}>
        Manage your plan
      </Button>
    </EmailLayout>
  );
}

PlanTermsChanging.PreviewProps = {
  name: "Ada",
  plan: "Pro",
  effectiveOn: "Jan 24, 2027",
  changes: ["Price: $79.00 a month → $89.00 a month", "Included credits: 100,000 → 120,000 a month"],
  billingUrl: "http://localhost:3000/dashboard/billing",
} satisfies PlanTermsChangingProps;
