import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type TeamInviteProps = {
  inviterName: string;
  workspace: string;
  /** The role the invitee gets, e.g. "member". */
  role: string;
  acceptUrl: string;
  expiresOn: string;
};

export default function TeamInvite({ inviterName, workspace, role, acceptUrl, expiresOn }: TeamInviteProps) {
  return (
    <EmailLayout preview={`Join ${workspace}`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        You&apos;re invited to {workspace}
      </Heading>
      <Text style={textStyle}>
        Hi there, {inviterName} invited you to join the {workspace} workspace with the {role} role.
      </Text>
      <Button href={acceptUrl} style={buttonStyle}>
        Accept invitation
      </Button>
      <Text style={textStyle}>
        Or paste this link into your browser: <Link href={acceptUrl}>{acceptUrl}</Link>
      </Text>
      <Text style={{ ...textStyle, color: "#64748b" }}>
        The invitation expires on {expiresOn}. If you weren&apos;t expecting it, ignore this email.
      </Text>
    </EmailLayout>
  );
}

TeamInvite.PreviewProps = {
  inviterName: "Grace Hopper",
  workspace: "Acme AI",
  role: "member",
  acceptUrl: "http://localhost:3000/invite?token=example",
  expiresOn: "Dec 1, 2026",
} satisfies TeamInviteProps;
