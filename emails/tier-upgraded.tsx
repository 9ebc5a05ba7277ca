import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type TierUpgradedProps = {
  name: string | null;
  fromPlan: string;
  toPlan: string;
  /** "monthly" or "annual". */
  interval: string;
  /** What was charged today, e.g. "$120 (prorated)"; null when nothing was charged. */
  chargedNow: string | null;
  /** Credits added with the upgrade, e.g. "50,000 credits"; null when none. */
  creditsAdded: string | null;
  billingUrl: string;
};

export default function TierUpgraded({
  name,
  fromPlan,
  toPlan,
  interval,
  chargedNow,
  creditsAdded,
  billingUrl,
}: TierUpgradedProps) {
  return (
    <EmailLayout preview={`Your workspace moved from ${fromPlan} to ${toPlan}`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Welcome to {toPlan}
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, your upgrade from {fromPlan} to {toPlan} is done. The new limits apply right
        away, billed {interval}.
      </Text>
      {chargedNow || creditsAdded ? (
        <Section style={{ backgroundColor: "#f6f7fb", borderRadius: 6, padding: "12px 16px" }}>
          {chargedNow ? <Text style={{ ...textStyle, margin: 0 }}>Charged today: {chargedNow}</Text> : null}
          {creditsAdded ? (
            <Text style={{ ...textStyle, margin: 0 }}>{creditsAdded} were added to your balance.</Text>
          ) : null}
        </Section>
      ) : null}
      <Button href={billingUrl} style={{ ...buttonStyle, marginTop: 16 }}>
        View your plan
      </Button>
    </EmailLayout>
  );
}

TierUpgraded.PreviewProps = {
  name: "Ada",
  fromPlan: "Starter",
  toPlan: "Pro",
  interval: "monthly",
  chargedNow: "$120 (prorated)",
  creditsAdded: "50,000 credits",
  billingUrl: "http://localhost:3000/dashboard/billing",
} satisfies TierUpgradedProps;
