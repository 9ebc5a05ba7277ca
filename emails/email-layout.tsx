import { Body, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const footerStyle = { fontSize: 12, color: "#64748b" };

/** The company's brand as emails show it (lib/email/brand.ts fills it in from the branding settings). */
export type EmailBrand = {
  companyName: string;
  /** Absolute URL: mail clients have no origin to resolve a path against. */
  logoUrl: string | null;
  primaryColor: string;
  supportEmail: string;
  legalName: string;
  legalAddress: string;
};

// What the react-email preview server and tests without a database show.
export const previewBrand: EmailBrand = {
  companyName: "Demo AI Studio",
  logoUrl: null,
  primaryColor: "#4338ca",
  supportEmail: "support@example.com",
  legalName: "Demo AI Studio Ltd",
  legalAddress: "1 Example Street, London",
};

// The frame every email shares: preview line, the brand's logo and name, content, footer with the
// support address and the legal line. `brand` is set by whoever renders (lib/email/brand.ts).
// Opt-in alerts pass `unsubscribe`, and the footer names the setting and links to turn it off.
export function EmailLayout({
  preview,
  unsubscribe,
  brand = previewBrand,
  children,
}: {
  preview: string;
  unsubscribe?: { url: string; label: string };
  brand?: EmailBrand;
  children: ReactNode;
}) {
  const legal = [brand.legalName, brand.legalAddress.replace(/\s*\n\s*/g, ", ")].filter(Boolean).join(", ");
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f6f7fb", fontFamily: "Helvetica, Arial, sans-serif", margin: 0 }}>
        <Container style={{ maxWidth: 560, margin: "0 auto", padding: "32px 24px" }}>
          <Section style={{ margin: "0 0 24px" }}>
            {brand.logoUrl ? (
              <Img
                src={brand.logoUrl}
                alt=""
                height={32}
                style={{ display: "inline-block", verticalAlign: "middle", marginRight: 10 }}
              />
            ) : null}
            <span
              style={{ fontSize: 20, fontWeight: 700, color: brand.primaryColor, verticalAlign: "middle" }}
            >
              {brand.companyName}
            </span>
          </Section>
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
              You received this email because of activity on your {brand.companyName} account.
            </Text>
          )}
          {brand.supportEmail ? (
            <Text style={footerStyle}>
              Questions? Write to{" "}
              <Link
                href={`mailto:${brand.supportEmail}`}
                style={{ color: "#64748b", textDecoration: "underline" }}
              >
                {brand.supportEmail}
              </Link>
              .
            </Text>
          ) : null}
          {legal ? <Text style={footerStyle}>{legal}</Text> : null}
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
