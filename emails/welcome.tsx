import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type WelcomeProps = { name: string | null; dashboardUrl: string };

export default function Welcome({ name, dashboardUrl }: WelcomeProps) {
  return (
    <EmailLayout preview="Welcome — your account is ready">
      <Heading as="h1" style={{ fontSize: 22 }}>
        Welcome, your account is ready
      </Heading>
      <Text style={textStyle}>
        Hi {name ?? "there"}, your email is confirmed and your workspace is ready.
      </Text>
      <Text style={textStyle}>
        From your dashboard you can manage your workspace and, as they arrive, plans, credits and API keys.
      </Text>
      <Button href={dashboardUrl} style={buttonStyle}>
        Open your dashboard
      </Button>
    </EmailLayout>
  );
}

Welcome.PreviewProps = {
  name: "Ada",
  dashboardUrl: "http://localhost:3000/dashboard",
} satisfies WelcomeProps;
