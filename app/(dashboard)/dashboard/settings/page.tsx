// GET /dashboard/settings — the signed-in person's profile and password.
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDashboardContext } from "@/lib/auth/session";
import { OverageForm } from "./overage-form";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { user, workspace, role } = await getDashboardContext();
  const managesBilling = role === "owner" || role === "admin";
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-muted-foreground">Your profile, how you sign in, and how {workspace.name} is billed.</p>
      </div>

      {managesBilling ? (
        <Card>
          <CardHeader>
            <CardTitle>Workspace billing</CardTitle>
            <CardDescription>For subscriptions: what happens to calls once the daily quota is used up.</CardDescription>
          </CardHeader>
          <CardContent>
            <OverageForm enabled={workspace.overageEnabled} />
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
          <CardDescription>Your name is shown to the members of your workspaces.</CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm name={user.name ?? ""} email={user.email} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Change password</CardTitle>
          <CardDescription>You need your current password to set a new one.</CardDescription>
        </CardHeader>
        <CardContent>
          {user.passwordHash ? (
            <PasswordForm />
          ) : (
            <p className="text-sm text-muted-foreground">
              You sign in with GitHub or Google, so your account has no password. To add one,{" "}
              <Link href="/forgot-password" className="font-medium text-foreground underline underline-offset-4">
                request a password reset link
              </Link>
              .
            </p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
