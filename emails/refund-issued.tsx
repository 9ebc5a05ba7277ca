import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type RefundIssuedProps = {
  name: string | null;
  /** What was paid for, e.g. "Pro plan (monthly)". */
  description: string;
  /** "$39.50" */
  amount: string;
  /** "$79.00": the payment it comes from. */
  paidAmount: string;
  /** Whether the whole payment is now refunded. */
  full: boolean;
  /** The reason as the customer reads it. */
  reason: string;
  /** What happens to the plan, in a sentence; null when nothing changes. */
  planNote: string | null;
  /** Credits taken back with the refund ("1,250 credits"), or null. */
  creditsNote: string | null;
  billingUrl: string;
};

/** Sent when an admin refunds a payment in full or in part: how much, why, and what changes. */
export default function RefundIssued(p: RefundIssuedProps) {
  return (
    <EmailLayout preview={`We refunded ${p.amount} of your ${p.paidAmount} payment`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        {p.full ? "Your payment was refunded" : "Part of your payment was refunded"}
      </Heading>
      <Text style={textStyle}>
        Hi {p.name ?? "there"}, we refunded {p.amount} of your {p.paidAmount} payment for {p.description}. It
        goes back to the card you paid with; banks usually show it within 5–10 business days.
      </Text>
      <Text style={textStyle}>Reason: {p.reason}</Text>
      {p.planNote ? <Text style={textStyle}>{p.planNote}</Text> : null}
      {p.creditsNote ? <Text style={textStyle}>{p.creditsNote}</Text> : null}
      <Button href={p.billingUrl} style={buttonStyle}>
        Open billing
      </Button>
    </EmailLayout>
  );
}

RefundIssued.PreviewProps = {
  name: "Ada",
  description: "Pro plan (monthly)",
  amount: "$39.50",
  paidAmount: "$79.00",
  full: false,
  reason: "Charged by mistake",
  planNote: "Your Pro plan will not renew: it ends on Dec 24, 2026.",
  creditsNote: null,
  billingUrl: "http://localhost:3000/dashboard/billing",
} satisfies RefundIssuedProps;
