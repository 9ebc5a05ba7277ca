// GET /invite?token=… — a team invitation: shows the team and role; answering it is a POST.
import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { InvalidInviteError } from "@/lib/teams/errors";
import { describeInvite } from "@/lib/teams/invites";
import { formatDate } from "@/lib/utils/format";
import { ROLE_PHRASE } from "@/lib/workspaces/permissions";
import { InviteResponse, SwitchAccountButton } from "./invite-response";

export const metadata: Metadata = { title: "Team invitation" };

export default async function InvitePage(props: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await props.searchParams;
  const [invite, user] = await Promise.all([token ? describeInvite(token) : null, getCurrentUser()]);

  if (!token || !invite || invite.problem) {
    const problem = invite?.problem ?? "unknown";
    return (
      <Card>
        <CardHeader>
          <h1 className="text-2xl font-semibold">
            {problem === "accepted" ? "Invitation already accepted" : "This invitation can't be used"}
          </h1>
        </CardHeader>
        <CardContent className="grid gap-4">
          <Alert variant={problem === "accepted" ? "info" : "error"}>
            {new InvalidInviteError(problem).message}
          </Alert>
          <Button asChild variant="outline">
            <Link href={user ? "/dashboard" : "/sign-in"}>{user ? "Go to the dashboard" : "Sign in"}</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }

  const returnTo = `/invite?token=${encodeURIComponent(token)}`;
  const role = ROLE_PHRASE[invite.role];
  return (
    <Card>
      <CardHeader>
        <h1 className="text-2xl font-semibold">Join {invite.workspaceName}</h1>
        <CardDescription>
          You&apos;re invited to join the {invite.workspaceName} team as {role}. The invitation was sent to{" "}
          {invite.email} and expires on {formatDate(invite.expiresAt)}.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {!user ? (
          <>
            <p className="text-sm">Sign in or create an account with {invite.email} to accept.</p>
            <div className="flex flex-wrap gap-2">
              <Button asChild>
                <Link href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>Sign in to accept</Link>
              </Button>
              <Button asChild variant="outline">
                <Link
                  href={`/sign-up?${new URLSearchParams({ callbackUrl: returnTo, email: invite.email })}`}
                >
                  Create an account
                </Link>
              </Button>
            </div>
          </>
        ) : user.email === invite.email ? (
          <InviteResponse token={token} team={invite.workspaceName} />
        ) : (
          <>
            <Alert variant="warning">
              This invitation is for {invite.email}, but you&apos;re signed in as {user.email}. Sign in with{" "}
              {invite.email} to accept it.
            </Alert>
            <div>
              <SwitchAccountButton returnTo={returnTo} />
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}
