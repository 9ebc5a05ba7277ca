import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const footerStyle = { fontSize: 12, color: "#64748b" };

// The frame every Tollgate email shares: preview line, wordmark, content, footer.
// Opt-in alerts pass `unsubscribe`, and the footer names the setting and links to turn it off.
export function EmailLayout({
  preview,
  unsubscribe,
  children,
}: {
  preview: string;
  unsubscribe?: { url: string; label: string };
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f6f7fb", fontFamily: "Helvetica, Arial, sans-serif", margin: 0 }}>
        <Container style={{ maxWidth: 560, margin: "0 auto", padding: "32px 24px" }}>
          <Text style={{ fontSize: 20, fontWeight: 700, color: "#4338ca", margin: "0 0 24px" }}>
            Tollgate
          </Text>
          <Section style={{ backgroundColor: "#ffffff", borderRadius: 8, padding: "24px" }}>
            {children}
          </Section>
          <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0" }} />
          {unsubscribe ? (
            <Text style={footerStyle}>
              You received this because you turned on {unsubscribe.label}.{" "}
              <Link href={unsubscribe.url} style={{ color: "#64748b", textDecoration: "underline" }}>
                Unsubscribe
              </Link>
            </Text>
          ) : (
            <Text style={footerStyle}>
              You received this email because of activity on your Tollgate account.
            </Text>
          )}
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#4338ca",
  color: "#ffffff",
  borderRadius: 6,
  padding: "12px 20px",
  fontWeight: 600,
  textDecoration: "none",
  display: "inline-block",
};

export const textStyle = { fontSize: 15, lineHeight: "24px", color: "#0b1220" };
