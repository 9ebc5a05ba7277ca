import type { Metadata } from "next";
import Link from "next/link";
import { MailCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage(props: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await props.searchParams;
  return (
    <Card>
      <CardHeader>
        <MailCheck className="size-8 text-primary" aria-hidden />
        <h1 className="text-2xl font-semibold">Check your email</h1>
        <CardDescription>
          We sent a verification link to{" "}
          {email ? <strong className="text-foreground">{email}</strong> : "your address"}. Follow it to
          confirm your account. The link expires in 24 hours.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <Button asChild variant="outline">
          <Link href="/dashboard">Continue to the dashboard</Link>
        </Button>
        <p className="text-sm text-muted-foreground">No email? You can send a new link from the dashboard.</p>
      </CardContent>
    </Card>
  );
}
