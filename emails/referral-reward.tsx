import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type ReferralRewardProps = {
  name: string | null;
  credits: string;
  /** Who signed up, e.g. the friend's name or "a friend you invited". */
  friend: string;
  creditsUrl: string;
};

export default function ReferralReward({ name, credits, friend, creditsUrl }: ReferralRewardProps) {
  return (
    <EmailLayout preview={`${credits} were added to your balance`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        You earned {credits}
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, thanks for spreading the word: {friend} joined with your referral link, so we
        added {credits} to your balance.
      </Text>
      <Text style={textStyle}>They&apos;re ready to use on your next calls.</Text>
      <Button href={creditsUrl} style={buttonStyle}>
        View your credits
      </Button>
    </EmailLayout>
  );
}

ReferralReward.PreviewProps = {
  name: "Ada",
  credits: "5,000 credits",
  friend: "Grace Hopper",
  creditsUrl: "http://localhost:3000/dashboard/credits",
} satisfies ReferralRewardProps;
