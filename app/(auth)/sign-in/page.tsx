import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { getCachedBranding } from "@/lib/branding/cached";
import { homePath, safeRedirectPath, SIGNED_IN_PATH } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { oauthProviders } from "@/lib/env";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

// Only same-site paths may be returned to after sign-in (lib/auth/redirect.ts has the rule).
const safePath = (p?: string) => safeRedirectPath(p);

export default async function SignInPage(props: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; reset?: string }>;
}) {
  const [{ callbackUrl, error }, brand] = await Promise.all([props.searchParams, getCachedBranding()]);
  // Already signed in: straight on to where the link meant to go, or home (admins: the overview).
  const user = await getCurrentUser();
  if (user) redirect(callbackUrl ? safePath(callbackUrl) : homePath(user));
  return (
    <Card>
      <CardHeader>
        <h1 className="text-2xl font-semibold">Sign in to {brand.companyName}</h1>
        <CardDescription>Manage your plan, credits, usage and API keys.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {error === "OAuthAccountNotLinked" || error === "OAuthSignin" || error === "OAuthCallback" ? (
          <Alert variant="error">
            That sign-in provider could not sign you in. Try again or use your email and password.
          </Alert>
        ) : null}
        <SignInForm
          callbackUrl={callbackUrl ? safePath(callbackUrl) : SIGNED_IN_PATH}
          providers={oauthProviders}
        />
        <div className="flex flex-col gap-2 text-center text-sm text-muted-foreground sm:flex-row sm:justify-between">
          <Link
            href="/forgot-password"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Forgot your password?
          </Link>
          <span>
            New here?{" "}
            <Link
              href={
                callbackUrl && safePath(callbackUrl) !== "/dashboard"
                  ? `/sign-up?callbackUrl=${encodeURIComponent(safePath(callbackUrl))}`
                  : "/sign-up"
              }
              className="font-medium text-primary underline-offset-4 hover:underline"
            >
              Create an account
            </Link>
          </span>
        </div>
      </CardContent>
    </Card>
  );
}
