import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

// Sent instead of a second account when someone signs up with an address that already has one:
// the sign-up form answers the same either way, so only the owner of the address learns of it.
export type SignUpAttemptProps = { name: string | null; signInUrl: string; resetUrl: string };

export default function SignUpAttempt({ name, signInUrl, resetUrl }: SignUpAttemptProps) {
  return (
    <EmailLayout preview="Someone tried to create an account with your email">
      <Heading as="h1" style={{ fontSize: 22 }}>
        You already have an account
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, someone just tried to sign up with this email address. It already has an
        account, so no new one was created.
      </Text>
      <Button href={signInUrl} style={buttonStyle}>
        Sign in
      </Button>
      <Text style={textStyle}>
        Forgot your password? <Link href={resetUrl}>Reset it here</Link>.
      </Text>
      <Text style={{ ...textStyle, color: "#64748b" }}>
        If it was not you, you can ignore this email: nothing about your account changed.
      </Text>
    </EmailLayout>
  );
}

SignUpAttempt.PreviewProps = {
  name: "Ada",
  signInUrl: "http://localhost:3000/sign-in",
  resetUrl: "http://localhost:3000/forgot-password",
} satisfies SignUpAttemptProps;
