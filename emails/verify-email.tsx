import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type VerifyEmailProps = { name: string | null; verifyUrl: string };

export default function VerifyEmail({ name, verifyUrl }: VerifyEmailProps) {
  return (
    <EmailLayout preview="Confirm your email address to get started">
      <Heading as="h1" style={{ fontSize: 22 }}>
        Confirm your email
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, thanks for signing up. Confirm your email address to buy plans and credits and
        to call the API.
      </Text>
      <Button href={verifyUrl} style={buttonStyle}>
        Verify email address
      </Button>
      <Text style={textStyle}>
        Or paste this link into your browser: <Link href={verifyUrl}>{verifyUrl}</Link>
      </Text>
      <Text style={{ ...textStyle, color: "#64748b" }}>
        The link expires in 24 hours. If you did not sign up, ignore this email.
      </Text>
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = {
  name: "Ada",
  verifyUrl: "http://localhost:3000/verify-email?token=example",
} satisfies VerifyEmailProps;
