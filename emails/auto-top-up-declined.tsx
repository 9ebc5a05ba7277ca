import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type AutoTopUpDeclinedProps = {
  name: string | null;
  workspace: string;
  pack: string;
  amount: string;
  /** "Visa ···4242" */
  card: string;
  reason: string;
  creditsUrl: string;
};

export default function AutoTopUpDeclined({
  name,
  workspace,
  pack,
  amount,
  card,
  reason,
  creditsUrl,
}: AutoTopUpDeclinedProps) {
  return (
    <EmailLayout preview={`Auto top-up of ${amount} was declined; it is paused`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        Your auto top-up was declined
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, your balance in {workspace} fell below your auto top-up threshold, and we tried
        to buy the {pack} pack for {amount} with {card}. The charge was declined: {reason}
      </Text>
      <Section style={{ backgroundColor: "#fff7ed", borderRadius: 6, padding: "12px 16px" }}>
        <Text style={{ ...textStyle, margin: 0 }}>
          Auto top-up is paused until you update the card or turn it back on. Calls that need credits will be
          refused once the balance runs out.
        </Text>
      </Section>
      <Button href={creditsUrl} style={{ ...buttonStyle, marginTop: 16 }}>
        Review auto top-up
      </Button>
    </EmailLayout>
  );
}

AutoTopUpDeclined.PreviewProps = {
  name: "Ada",
  workspace: "Ada's workspace",
  pack: "50,000 credits",
  amount: "$45",
  card: "Visa ···0341",
  reason: "Your card was declined.",
  creditsUrl: "http://localhost:3000/dashboard/credits",
} satisfies AutoTopUpDeclinedProps;
