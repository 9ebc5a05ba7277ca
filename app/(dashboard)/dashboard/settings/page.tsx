// GET /dashboard/settings — the signed-in person's profile, password, security link and email preferences.
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, TitledCard } from "@/components/ui/card";
import { getDashboardContext } from "@/lib/auth/session";
import { can } from "@/lib/workspaces/permissions";
import { emailCategories, emailPreferences, type EmailCategory } from "@/lib/notifications/preferences";
import { EmailPreferencesForm } from "./email-preferences-form";
import { OverageForm } from "./overage-form";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { user, workspace, role } = await getDashboardContext();
  const managesBilling = can(role, "billing.manage");
  const preferences = await emailPreferences(user.id);
  const categories = (Object.keys(emailCategories) as EmailCategory[]).map((category) => ({
    category,
    ...emailCategories[category],
    enabled: preferences[category],
  }));
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <PageHeader
        title="Settings"
        description={`Your profile, how you sign in, and how ${workspace.name} is billed.`}
      />

      {managesBilling ? (
        <TitledCard
          title="Workspace billing"
          description="What happens to calls once today's quota is used up."
        >
          <OverageForm enabled={workspace.overageEnabled} />
        </TitledCard>
      ) : null}

      <TitledCard title="Profile" description="Your name is shown to the members of your workspaces.">
        <ProfileForm name={user.name ?? ""} email={user.email} />
      </TitledCard>

      <TitledCard title="Change password" description="You need your current password to set a new one.">
        {user.passwordHash ? (
          <PasswordForm />
        ) : (
          <p className="text-sm text-muted-foreground">
            You sign in with GitHub or Google, so your account has no password. To add one,{" "}
            <Link
              href="/forgot-password"
              className="font-medium text-foreground underline underline-offset-4"
            >
              request a password reset link
            </Link>
            .
          </p>
        )}
      </TitledCard>

      <TitledCard title="Security" description="Two-factor authentication, and signing out on every device.">
        <Link
          href="/dashboard/settings/security"
          className="text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          Manage two-factor authentication and sessions
        </Link>
      </TitledCard>

      <section className="grid gap-2" aria-labelledby="email-notifications-title">
        <Card>
          <CardHeader>
            <CardTitle id="email-notifications-title">Email notifications</CardTitle>
            <CardDescription>
              Choose which optional emails you get. Each one also has an unsubscribe link.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <EmailPreferencesForm categories={categories} />
          </CardContent>
        </Card>
        <p className="px-1 text-sm text-muted-foreground">
          Receipts, password resets and other account emails are always sent.
        </p>
      </section>
    </div>
  );
}
