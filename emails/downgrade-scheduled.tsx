import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type DowngradeScheduledProps = {
  name: string | null;
  fromPlan: string;
  toPlan: string;
  /** The day the workspace switches to `toPlan`. */
  effectiveOn: string;
  billingUrl: string;
};

export default function DowngradeScheduled({
  name,
  fromPlan,
  toPlan,
  effectiveOn,
  billingUrl,
}: DowngradeScheduledProps) {
  return (
    <EmailLayout preview={`You keep ${fromPlan} until ${effectiveOn}, then move to ${toPlan}`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Your plan change is scheduled
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, your workspace moves from {fromPlan} to {toPlan} on {effectiveOn}. Until then,
        everything in {fromPlan} keeps working as before.
      </Text>
      <Section style={{ backgroundColor: "#f6f7fb", borderRadius: 6, padding: "12px 16px" }}>
        <Text style={{ ...textStyle, margin: 0 }}>
          Changed your mind? You can cancel the change from the billing page any time before {effectiveOn}.
        </Text>
      </Section>
      <Button href={billingUrl} style={{ ...buttonStyle, marginTop: 16 }}>
        Manage your plan
      </Button>
    </EmailLayout>
  );
}

DowngradeScheduled.PreviewProps = {
  name: "Ada",
  fromPlan: "Pro",
  toPlan: "Starter",
  effectiveOn: "Dec 24, 2026",
  billingUrl: "http://localhost:3000/dashboard/billing",
} satisfies DowngradeScheduledProps;
