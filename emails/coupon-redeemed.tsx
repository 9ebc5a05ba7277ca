import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type CouponRedeemedProps = {
  name: string | null;
  code: string;
  /** What the coupon gives, e.g. "2,000 credits" or "50% off your first payment". */
  benefit: string;
  creditsUrl: string;
};

export default function CouponRedeemed({ name, code, benefit, creditsUrl }: CouponRedeemedProps) {
  return (
    <EmailLayout preview={`Coupon ${code}: ${benefit}`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Your coupon is applied
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, the coupon {code} is now on your account.
      </Text>
      <Section style={{ backgroundColor: "#f6f7fb", borderRadius: 6, padding: "12px 16px" }}>
        <Text style={{ ...textStyle, margin: 0, color: "#64748b" }}>{code}</Text>
        <Text style={{ ...textStyle, margin: 0, fontWeight: 700 }}>{benefit}</Text>
      </Section>
      <Button href={creditsUrl} style={{ ...buttonStyle, marginTop: 16 }}>
        View your credits
      </Button>
    </EmailLayout>
  );
}

CouponRedeemed.PreviewProps = {
  name: "Ada",
  code: "LAUNCH50",
  benefit: "2,000 credits",
  creditsUrl: "http://localhost:3000/dashboard/credits",
} satisfies CouponRedeemedProps;
