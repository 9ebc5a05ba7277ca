import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type QuotaExceededProps = {
  name: string | null;
  workspace: string;
  /** Today's quota in units, e.g. "10,000". */
  limit: string;
  /** When the quota resets, e.g. "00:00 UTC". */
  resetsAt: string;
  /** Whether calls past the quota are charged to credits (true) or refused (false). */
  overageEnabled: boolean;
  billingUrl: string;
  unsubscribeUrl: string;
};

export default function QuotaExceeded({
  name,
  workspace,
  limit,
  resetsAt,
  overageEnabled,
  billingUrl,
  unsubscribeUrl,
}: QuotaExceededProps) {
  return (
    <EmailLayout
      preview={
        overageEnabled
          ? `${workspace} is now drawing on credits until ${resetsAt}`
          : `${workspace} calls are paused until ${resetsAt}`
      }
      unsubscribe={{ url: unsubscribeUrl, label: "quota alerts" }}
    >
      <Heading as="h1" style={{ fontSize: 22 }}>
        Today&apos;s quota is used up
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, {workspace} has used all {limit} quota units for today.
      </Text>
      <Section style={{ backgroundColor: "#fff7ed", borderRadius: 6, padding: "12px 16px" }}>
        <Text style={{ ...textStyle, margin: 0 }}>
          {overageEnabled
            ? `Further calls are charged to your credit balance until the quota resets at ${resetsAt}.`
            : `Further calls are refused until the quota resets at ${resetsAt}.`}
        </Text>
      </Section>
      <Text style={textStyle}>
        {overageEnabled
          ? "Keep an eye on your balance, or move to a plan with a larger daily quota."
          : "To keep calls going, move to a plan with a larger daily quota, or, where your plan includes it, turn on overage to credits in your workspace settings."}
      </Text>
      <Button href={billingUrl} style={buttonStyle}>
        See plans
      </Button>
    </EmailLayout>
  );
}

QuotaExceeded.PreviewProps = {
  name: "Ada",
  workspace: "Acme AI",
  limit: "10,000",
  resetsAt: "00:00 UTC",
  overageEnabled: false,
  billingUrl: "http://localhost:3000/dashboard/billing",
  unsubscribeUrl: "http://localhost:3000/api/email/unsubscribe?token=example",
} satisfies QuotaExceededProps;
