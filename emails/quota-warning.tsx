import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type QuotaWarningProps = {
  name: string | null;
  workspace: string;
  /** Quota units used today, e.g. "8,000". */
  used: string;
  /** Today's quota in units, e.g. "10,000". */
  limit: string;
  /** Quota units left today, e.g. "2,000". */
  left: string;
  /** Whole percent actually used, rounded down (never "80%" for 2,999 of 3,000). */
  percent: number;
  /** When the quota resets, e.g. "00:00 UTC". */
  resetsAt: string;
  usageUrl: string;
  unsubscribeUrl: string;
};

export default function QuotaWarning({
  name,
  workspace,
  used,
  limit,
  left,
  percent,
  resetsAt,
  usageUrl,
  unsubscribeUrl,
}: QuotaWarningProps) {
  return (
    <EmailLayout
      preview={`${workspace} has used ${used} of its ${limit} quota units today`}
      unsubscribe={{ url: unsubscribeUrl, label: "quota alerts" }}
    >
      <Heading as="h1" style={{ fontSize: 22 }}>
        You&apos;ve used {percent}% of today&apos;s quota
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, {workspace} has used {percent}% of its daily quota so far: {left} quota{" "}
        {left === "1" ? "unit is" : "units are"} left until {resetsAt}.
      </Text>
      <Section style={{ backgroundColor: "#fff7ed", borderRadius: 6, padding: "12px 16px" }}>
        <Text style={{ ...textStyle, margin: 0, fontWeight: 700 }}>
          {used} of {limit} quota units used
        </Text>
        <Text style={{ ...textStyle, margin: 0, color: "#64748b" }}>The quota resets at {resetsAt}.</Text>
      </Section>
      <Text style={textStyle}>See which models use the most on your usage page.</Text>
      <Button href={usageUrl} style={buttonStyle}>
        View usage
      </Button>
    </EmailLayout>
  );
}

QuotaWarning.PreviewProps = {
  name: "Ada",
  workspace: "Acme AI",
  used: "8,000",
  limit: "10,000",
  left: "2,000",
  percent: 80,
  resetsAt: "00:00 UTC",
  usageUrl: "http://localhost:3000/dashboard/usage",
  unsubscribeUrl: "http://localhost:3000/api/email/unsubscribe?token=example",
} satisfies QuotaWarningProps;
