// GET /dashboard/settings/security — two-factor authentication (TOTP) and signing out everywhere.
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { TitledCard } from "@/components/ui/card";
import { getDashboardContext } from "@/lib/auth/session";
import { pendingEnrolment, unusedRecoveryCodes } from "@/lib/auth/two-factor";
import Link from "next/link";
import { SignOutEverywhereForm, TwoFactorSection } from "./security-forms";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage(props: { searchParams: Promise<{ required?: string }> }) {
  const { required } = await props.searchParams;
  const { user } = await getDashboardContext();
  const enabled = Boolean(user.totpEnabledAt);
  const [enrolment, remaining] = await Promise.all([
    enabled ? null : pendingEnrolment(user.id),
    enabled ? unusedRecoveryCodes(user.id) : 0,
  ]);
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <PageHeader title="Security" description="How you sign in, and where you are signed in." />
      {required === "admin" && !enabled ? (
        <Alert variant="error">
          The admin console requires two-factor authentication. Set it up below to continue.
        </Alert>
      ) : null}

      <TitledCard
        title="Two-factor authentication"
        description="
            Sign in with your password and a code from an authenticator app (1Password, Google Authenticator,
            Authy…).
          "
      >
        <TwoFactorSection enabled={enabled} remaining={remaining} enrolment={enrolment} />
      </TitledCard>

      <TitledCard
        title="Sessions"
        description="
            Signs you out on every browser and device, this one included. Use it if you signed in somewhere
            you no longer trust.
          "
      >
        <SignOutEverywhereForm />
      </TitledCard>

      {user.role === "admin" ? (
        <p className="text-sm text-muted-foreground">
          Whether every admin must use two-factor authentication is set in the admin console&apos;s{" "}
          <Link
            href="/admin/security"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Security
          </Link>{" "}
          page.
        </p>
      ) : null}
    </div>
  );
}
