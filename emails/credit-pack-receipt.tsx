import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";
import { ReceiptDetails, receiptDetailsPreview, type ReceiptDetailsProps } from "./receipt-details";

export type CreditPackReceiptProps = {
  name: string | null;
  pack: string;
  credits: string;
  amount: string;
  paidAt: string;
  reference: string;
  details?: ReceiptDetailsProps;
  /** The balance after this pack was added. */
  balance: string;
  receiptUrl: string;
};

export default function CreditPackReceipt({
  name,
  pack,
  credits,
  amount,
  paidAt,
  reference,
  details,
  balance,
  receiptUrl,
}: CreditPackReceiptProps) {
  return (
    <EmailLayout preview={`${credits} added to your balance — receipt for ${amount}`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Your credits are in
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, thanks for buying the {pack}. {credits} are now in your balance and ready to
        use.
      </Text>
      <Section style={{ backgroundColor: "#f6f7fb", borderRadius: 6, padding: "12px 16px" }}>
        <Text style={{ ...textStyle, margin: 0 }}>
          {pack}: {credits}
        </Text>
        <Text style={{ ...textStyle, margin: 0, fontWeight: 700 }}>{amount}</Text>
        <Text style={{ ...textStyle, margin: 0, color: "#64748b" }}>
          Paid {paidAt} · Reference {reference}
        </Text>
        <Text style={{ ...textStyle, margin: 0 }}>New balance: {balance}</Text>
      </Section>
      {details ? <ReceiptDetails {...details} /> : null}
      <Button href={receiptUrl} style={{ ...buttonStyle, marginTop: 16 }}>
        View receipt
      </Button>
    </EmailLayout>
  );
}

CreditPackReceipt.PreviewProps = {
  name: "Ada",
  pack: "Starter pack",
  credits: "100,000 credits",
  amount: "$79",
  paidAt: "Nov 24, 2026",
  reference: "cs_local_0123456789",
  details: receiptDetailsPreview,
  balance: "112,500 credits",
  receiptUrl: "http://localhost:3000/dashboard/billing",
} satisfies CreditPackReceiptProps;
