// GET /admin/branding — the company's name, logo, favicon, colour, legal details and landing copy.
import type { Metadata } from "next";
import { FormCard } from "@/components/admin/form-card";
import { requireAdmin } from "@/lib/auth/session";
import { getBranding } from "@/lib/branding/branding";
import { AdminPage } from "../../_components/admin-page";
import { BrandingForm } from "./branding-form";

export const metadata: Metadata = { title: "Branding" };

export default async function AdminBrandingPage() {
  await requireAdmin("settings");
  const brand = await getBranding();
  return (
    <AdminPage
      className="max-w-4xl"
      title="Branding"
      description="Your company's name, logo and colour on the public site, dashboard, emails, checkout and receipts."
    >
      <FormCard title="Brand" description="Changes show on every page as soon as you save.">
        <BrandingForm {...brand} />
      </FormCard>
    </AdminPage>
  );
}
