import { Text } from "@react-email/components";
import { textStyle } from "./email-layout";

/** What every receipt email states besides the amount: number, payment method, seller and buyer. */
export type ReceiptDetailsProps = {
  number: string;
  paymentMethod: string;
  seller: { legalName: string; legalAddress: string; supportEmail: string };
  buyer: string;
};

export function ReceiptDetails({ number, paymentMethod, seller, buyer }: ReceiptDetailsProps) {
  const small = { ...textStyle, fontSize: 13, color: "#4b5563", margin: "4px 0" };
  return (
    <>
      <Text style={small}>
        Receipt number {number} · Paid with {paymentMethod}
      </Text>
      <Text style={small}>Billed to {buyer}</Text>
      <Text style={small}>
        From {seller.legalName}, {seller.legalAddress} · {seller.supportEmail}
      </Text>
    </>
  );
}

export const receiptDetailsPreview: ReceiptDetailsProps = {
  number: "R-20261203-1A2B3C4D",
  paymentMethod: "Visa ···4242",
  seller: {
    legalName: "Tollgate Demo Ltd.",
    legalAddress: "1 Example Street, London EC1A 1AA, United Kingdom",
    supportEmail: "support@tollgate.local",
  },
  buyer: "ada@example.com",
};
