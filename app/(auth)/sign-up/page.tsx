import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { chosenNames } from "@/lib/catalog/choice-names";
import { choiceLabel, parseChoice, startPath } from "@/lib/payments/plan-choice";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Sign up" };

// Only same-site paths may be returned to after sign-up (an invitation link, for instance).
const safePath = (p?: string) => safeRedirectPath(p, "") || undefined;

export default async function SignUpPage(props: {
  searchParams: Promise<{
    plan?: string;
    interval?: string;
    pack?: string;
    ref?: string;
    callbackUrl?: string;
    email?: string;
  }>;
}) {
  const params = await props.searchParams;
  const { ref, email } = params;
  const callbackUrl = safePath(params.callbackUrl);
  const choice = parseChoice(params);
  // Signing in keeps the choice: /start decides again once the session exists.
  const onward = callbackUrl ?? (choice ? startPath(choice) : undefined);
  if (await getCurrentUser()) redirect(onward ?? "/dashboard");
  const chosen = choice ? choiceLabel(choice, await chosenNames(choice)) : null;
  return (
    <Card>
      <CardHeader>
        <h1 className="text-2xl font-semibold">Create your account</h1>
        <CardDescription>
          A personal workspace is created for you. Confirm your email to start buying and calling the API.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {chosen ? (
          <Alert variant="info">
            You chose <strong>{chosen}</strong>. After you confirm your email you go straight on to pay for
            it.{" "}
            <Link href="/pricing" className="font-medium underline underline-offset-4">
              Change
            </Link>
          </Alert>
        ) : null}
        {ref ? (
          <p className="text-sm text-muted-foreground">
            You were invited by a friend: you both get bonus credits after your first payment.
          </p>
        ) : null}
        <SignUpForm choice={choice} referralCode={ref} callbackUrl={callbackUrl} email={email} />
        <p className="text-center text-sm text-muted-foreground">
          Already have an account?{" "}
          <Link
            href={onward ? `/sign-in?callbackUrl=${encodeURIComponent(onward)}` : "/sign-in"}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Sign in
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
