import { Button, Column, Heading, Row, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type WeeklyUsageSummaryProps = {
  name: string | null;
  workspace: string;
  /** The week covered, e.g. "Nov 16 – Nov 22, 2026". */
  weekOf: string;
  calls: string;
  creditsSpent: string;
  balance: string;
  /** The most-used models of the week, busiest first; empty when there were no calls. */
  topModels: { model: string; calls: string; credits: string }[];
  usageUrl: string;
  unsubscribeUrl: string;
};

const cellStyle = {
  ...textStyle,
  fontSize: 14,
  margin: 0,
  padding: "6px 0",
  borderBottom: "1px solid #e2e8f0",
};
const headStyle = { ...cellStyle, color: "#64748b", fontWeight: 600 };

export default function WeeklyUsageSummary({
  name,
  workspace,
  weekOf,
  calls,
  creditsSpent,
  balance,
  topModels,
  usageUrl,
  unsubscribeUrl,
}: WeeklyUsageSummaryProps) {
  return (
    <EmailLayout
      preview={`${workspace}, ${weekOf}: ${calls} calls, ${creditsSpent} spent`}
      unsubscribe={{ url: unsubscribeUrl, label: "weekly usage summaries" }}
    >
      <Heading as="h1" style={{ fontSize: 22 }}>
        Your week in numbers
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, here is how {workspace} used its apps from {weekOf}.
      </Text>
      <Section style={{ backgroundColor: "#f6f7fb", borderRadius: 6, padding: "12px 16px" }}>
        <Text style={{ ...textStyle, margin: 0 }}>
          Calls: <strong>{calls}</strong>
        </Text>
        <Text style={{ ...textStyle, margin: 0 }}>
          Credits spent: <strong>{creditsSpent}</strong>
        </Text>
        <Text style={{ ...textStyle, margin: 0 }}>
          Balance now: <strong>{balance}</strong>
        </Text>
      </Section>
      <Heading as="h2" style={{ fontSize: 17, marginTop: 24 }}>
        Top models
      </Heading>
      {topModels.length === 0 ? (
        <Text style={textStyle}>No calls this week.</Text>
      ) : (
        <Section>
          <Row>
            <Column style={headStyle}>Model</Column>
            <Column style={{ ...headStyle, textAlign: "right" }}>Calls</Column>
            <Column style={{ ...headStyle, textAlign: "right" }}>Credits</Column>
          </Row>
          {topModels.map((m) => (
            <Row key={m.model}>
              <Column style={cellStyle}>{m.model}</Column>
              <Column style={{ ...cellStyle, textAlign: "right" }}>{m.calls}</Column>
              <Column style={{ ...cellStyle, textAlign: "right" }}>{m.credits}</Column>
            </Row>
          ))}
        </Section>
      )}
      <Button href={usageUrl} style={{ ...buttonStyle, marginTop: 16 }}>
        View usage
      </Button>
    </EmailLayout>
  );
}

WeeklyUsageSummary.PreviewProps = {
  name: "Ada",
  workspace: "Acme AI",
  weekOf: "Nov 16 – Nov 22, 2026",
  calls: "1,234",
  creditsSpent: "4,560 credits",
  balance: "12,500 credits",
  topModels: [
    { model: "GPT-4o mini", calls: "812", credits: "1,950 credits" },
    { model: "Claude Sonnet", calls: "301", credits: "2,140 credits" },
    { model: "Stable Diffusion XL", calls: "121", credits: "470 credits" },
  ],
  usageUrl: "http://localhost:3000/dashboard/usage",
  unsubscribeUrl: "http://localhost:3000/api/email/unsubscribe?token=example",
} satisfies WeeklyUsageSummaryProps;
