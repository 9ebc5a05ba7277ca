// GET /dashboard/settings — the signed-in person's profile and password.
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDashboardContext } from "@/lib/auth/session";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { user } = await getDashboardContext();
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-muted-foreground">Your profile and how you sign in.</p>
      </div>

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
