import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Sign up" };

// Only same-site paths may be returned to after sign-up (an invitation link, for instance).
const safePath = (p?: string) => safeRedirectPath(p, "") || undefined;

export default async function SignUpPage(props: {
  searchParams: Promise<{
    plan?: string;
    interval?: string;
    ref?: string;
    callbackUrl?: string;
    email?: string;
  }>;
}) {
  const { plan, interval, ref, callbackUrl: rawCallback, email } = await props.searchParams;
  const callbackUrl = safePath(rawCallback);
  return (
    <Card>
      <CardHeader>
        <h1 className="text-2xl font-semibold">Create your account</h1>
        <CardDescription>
          A personal workspace is created for you. Confirm your email to start buying and calling the API.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {ref ? (
          <p className="text-sm text-muted-foreground">
            You were invited by a friend: you both get bonus credits after your first payment.
          </p>
        ) : null}
        <SignUpForm
          plan={plan}
          interval={interval}
          referralCode={ref}
          callbackUrl={callbackUrl}
          email={email}
        />
        <p className="text-center text-sm text-muted-foreground">
          Already have an account?{" "}
          <Link
            href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in"}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Sign in
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
