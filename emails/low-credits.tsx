import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type LowCreditsProps = {
  name: string | null;
  workspace: string;
  balance: string;
  /** The level that triggers this alert: 10% of the last top-up, e.g. "1,000 credits". */
  threshold: string;
  /** "about 6 days" at the last 7 days' rate (lib/billing/runway.ts); null with no paid usage. */
  runway: string | null;
  creditsUrl: string;
  unsubscribeUrl: string;
};

export default function LowCredits({
  name,
  workspace,
  balance,
  threshold,
  runway,
  creditsUrl,
  unsubscribeUrl,
}: LowCreditsProps) {
  return (
    <EmailLayout
      preview={`${workspace} has ${balance} left`}
      unsubscribe={{ url: unsubscribeUrl, label: "low-credit alerts" }}
    >
      <Heading as="h1" style={{ fontSize: 22 }}>
        Your credits are running low
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, the credit balance of {workspace} has dropped below {threshold}, 10% of your
        last top-up or grant.
      </Text>
      <Section style={{ backgroundColor: "#fff7ed", borderRadius: 6, padding: "12px 16px" }}>
        <Text style={{ ...textStyle, margin: 0, fontWeight: 700 }}>Balance: {balance}</Text>
        {runway ? (
          <Text style={{ ...textStyle, margin: 0 }}>
            At the last 7 days&apos; rate your credits last {runway}.
          </Text>
        ) : null}
        <Text style={{ ...textStyle, margin: 0, color: "#64748b" }}>
          Top up now to keep calls going: once the balance can&apos;t cover a call, it is refused.
        </Text>
      </Section>
      <Button href={creditsUrl} style={{ ...buttonStyle, marginTop: 16 }}>
        Buy credits
      </Button>
    </EmailLayout>
  );
}

LowCredits.PreviewProps = {
  name: "Ada",
  workspace: "Acme AI",
  balance: "850 credits",
  threshold: "1,000 credits",
  runway: "about 6 days",
  creditsUrl: "http://localhost:3000/dashboard/credits",
  unsubscribeUrl: "http://localhost:3000/api/email/unsubscribe?token=example",
} satisfies LowCreditsProps;
