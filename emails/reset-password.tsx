import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type ResetPasswordProps = { name: string | null; resetUrl: string };

export default function ResetPassword({ name, resetUrl }: ResetPasswordProps) {
  return (
    <EmailLayout preview="Reset your password">
      <Heading as="h1" style={{ fontSize: 22 }}>
        Reset your password
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, someone asked to reset the password of your account.
      </Text>
      <Button href={resetUrl} style={buttonStyle}>
        Choose a new password
      </Button>
      <Text style={textStyle}>
        Or paste this link into your browser: <Link href={resetUrl}>{resetUrl}</Link>
      </Text>
      <Text style={{ ...textStyle, color: "#64748b" }}>
        The link expires in 1 hour and works once. If it was not you, ignore this email: your password stays
        as it is.
      </Text>
    </EmailLayout>
  );
}

ResetPassword.PreviewProps = {
  name: "Ada",
  resetUrl: "http://localhost:3000/reset-password?token=example",
} satisfies ResetPasswordProps;
