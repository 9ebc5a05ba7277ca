import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { tokenIsUsable } from "@/lib/auth/tokens";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage(props: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await props.searchParams;
  const usable = token ? await tokenIsUsable(token, "reset_password") : false;
  return (
    <Card>
      <CardHeader>
        <h1 className="text-2xl font-semibold">Choose a new password</h1>
      </CardHeader>
      <CardContent className="grid gap-4">
        {usable && token ? (
          <ResetPasswordForm token={token} />
        ) : (
          <>
            <Alert variant="error">
              This password reset link is invalid or has expired. Ask for a new one.
            </Alert>
            <Link
              href="/forgot-password"
              className="text-sm font-medium text-primary underline-offset-4 hover:underline"
            >
              Send a new reset link
            </Link>
          </>
        )}
      </CardContent>
    </Card>
  );
}
