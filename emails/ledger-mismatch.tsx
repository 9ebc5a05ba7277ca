import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type LedgerMismatchProps = {
  name: string | null;
  day: string;
  workspacesChecked: string;
  mismatches: { workspace: string; balance: string; ledgerSum: string }[];
  total: number;
  adminUrl: string;
};

export default function LedgerMismatch({
  name,
  day,
  workspacesChecked,
  mismatches,
  total,
  adminUrl,
}: LedgerMismatchProps) {
  return (
    <EmailLayout preview={`${total} workspace balances do not match their ledger`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Ledger check found {total === 1 ? "a mismatch" : `${total} mismatches`}
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, the ledger check for {day} compared {workspacesChecked} workspaces. In{" "}
        {total === 1 ? "one of them" : `${total} of them`}, the balance is not the sum of the ledger:
      </Text>
      <Section style={{ backgroundColor: "#fef2f2", borderRadius: 6, padding: "12px 16px" }}>
        {mismatches.map((m) => (
          <Text key={m.workspace} style={{ ...textStyle, margin: "4px 0" }}>
            <strong>{m.workspace}</strong>: balance {m.balance}, ledger sum {m.ledgerSum}
          </Text>
        ))}
        {total > mismatches.length ? (
          <Text style={{ ...textStyle, margin: "4px 0" }}>…and {total - mismatches.length} more.</Text>
        ) : null}
      </Section>
      <Button href={adminUrl} style={{ ...buttonStyle, marginTop: 16 }}>
        Open the admin console
      </Button>
    </EmailLayout>
  );
}

LedgerMismatch.PreviewProps = {
  name: "Admin",
  day: "2026-11-21",
  workspacesChecked: "412",
  mismatches: [{ workspace: "Acme Labs", balance: "1,200 credits", ledgerSum: "1,150 credits" }],
  total: 1,
  adminUrl: "http://localhost:3000/admin",
} satisfies LedgerMismatchProps;
