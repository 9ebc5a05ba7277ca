// GET /unsubscribe?token=… — confirm before turning off one email category; works signed out.
import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { emailCategories, readUnsubscribeToken } from "@/lib/notifications/preferences";
import { UnsubscribeForm } from "./unsubscribe-form";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };

// Nothing changes on GET: link scanners and previews open email links before people do.
export default async function UnsubscribePage(props: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await props.searchParams;
  const claim = typeof token === "string" ? readUnsubscribeToken(token) : null;
  return (
    <Card>
      {claim && typeof token === "string" ? (
        <UnsubscribeForm token={token} label={emailCategories[claim.category].label} />
      ) : (
        <>
          <CardHeader>
            <h1 className="text-2xl font-semibold">Unsubscribe</h1>
          </CardHeader>
          <CardContent className="grid gap-4">
            <Alert variant="error">This unsubscribe link is not valid.</Alert>
            <Link
              href="/sign-in?callbackUrl=%2Fdashboard%2Fsettings"
              className="text-sm font-medium text-primary underline-offset-4 hover:underline"
            >
              Sign in to manage your email preferences
            </Link>
          </CardContent>
        </>
      )}
    </Card>
  );
}
