// GET /signed-in — where sign-in goes without a callbackUrl: admins to the overview, everyone else to the dashboard
import { redirect } from "next/navigation";
import { homePath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getCurrentUser();
  redirect(user ? homePath(user) : "/sign-in");
}
