import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";
import { ReceiptDetails, receiptDetailsPreview, type ReceiptDetailsProps } from "./receipt-details";

export type PaymentReceiptProps = {
  name: string | null;
  description: string;
  amount: string;
  paidAt: string;
  reference: string;
  details?: ReceiptDetailsProps;
  credits: string | null;
  billingUrl: string;
};

export default function PaymentReceipt({
  name,
  description,
  amount,
  paidAt,
  reference,
  details,
  credits,
  billingUrl,
}: PaymentReceiptProps) {
  return (
    <EmailLayout preview={`Receipt: ${description}, ${amount}`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Thanks for your payment
      </Heading>
      <Text style={textStyle}>Hi {name ?? "there"}, here is your receipt.</Text>
      <Section style={{ backgroundColor: "#f6f7fb", borderRadius: 6, padding: "12px 16px" }}>
        <Text style={{ ...textStyle, margin: 0 }}>{description}</Text>
        <Text style={{ ...textStyle, margin: 0, fontWeight: 700 }}>{amount}</Text>
        <Text style={{ ...textStyle, margin: 0, color: "#64748b" }}>
          Paid {paidAt} · Reference {reference}
        </Text>
        {credits ? (
          <Text style={{ ...textStyle, margin: 0 }}>{credits} credits were added to your balance.</Text>
        ) : null}
      </Section>
      {details ? <ReceiptDetails {...details} /> : null}
      <Button href={billingUrl} style={{ ...buttonStyle, marginTop: 16 }}>
        View billing history
      </Button>
    </EmailLayout>
  );
}

PaymentReceipt.PreviewProps = {
  name: "Ada",
  description: "Credit pack: 50,000 credits",
  amount: "$50",
  paidAt: "Nov 21, 2026",
  reference: "cs_local_0123456789",
  details: receiptDetailsPreview,
  credits: "52,500",
  billingUrl: "http://localhost:3000/dashboard/billing",
} satisfies PaymentReceiptProps;
