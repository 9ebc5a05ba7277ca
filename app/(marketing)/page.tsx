// GET / — the company's storefront: its apps and models, plans, calculator and a way to sign up.
import { getCachedBranding } from "@/lib/branding/cached";
import { getPublicCatalog } from "@/lib/catalog/public";
import { LandingView } from "./landing-view";

// Static like /pricing: rebuilt hourly, and at once when the catalog or the brand is saved.
export const revalidate = 3600;

export default async function LandingPage() {
  const [brand, catalog] = await Promise.all([getCachedBranding(), getPublicCatalog()]);
  return <LandingView brand={brand} catalog={catalog} />;
}
