import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { verifyEmail } from "@/lib/auth/accounts";
import { isExpectedError, userMessage } from "@/lib/errors";
import { getCurrentUser } from "@/lib/auth/session";
import { PLAN_COOKIE, parsePlanChoice, startPath } from "@/lib/payments/plan-choice";

export const metadata: Metadata = { title: "Verify email" };

// The link from the verification email. Success goes to the dashboard (via sign-in if needed).
export default async function VerifyEmailPage(props: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await props.searchParams;
  let error = "This verification link is incomplete. Open the link from the email again.";
  if (token) {
    try {
      await verifyEmail(token);
      error = "";
    } catch (e) {
      if (!isExpectedError(e)) throw e;
      error = userMessage(e);
    }
  }
  if (!error) {
    // Someone who picked a plan or pack on the pricing page goes on to pay for it (through sign-in
    // when the link was opened in another browser), without choosing again.
    const choice = parsePlanChoice((await cookies()).get(PLAN_COOKIE)?.value);
    if (!choice) redirect("/dashboard?verified=1");
    const next = startPath(choice);
    redirect((await getCurrentUser()) ? next : `/sign-in?callbackUrl=${encodeURIComponent(next)}`);
  }
  return (
    <Card>
      <CardHeader>
        <h1 className="text-2xl font-semibold">We couldn&apos;t verify your email</h1>
      </CardHeader>
      <CardContent className="grid gap-4">
        <Alert variant="error">{error}</Alert>
        <Button asChild>
          <Link href="/dashboard">Go to the dashboard to send a new link</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
