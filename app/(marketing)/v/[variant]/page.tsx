// The storefront (/) as one price experiment variant sees it: proxy.ts rewrites / here for
// visitors assigned the variant; static like / itself.
import { notFound } from "next/navigation";
import { getCachedBranding } from "@/lib/branding/cached";
import { getPublicCatalog } from "@/lib/catalog/public";
import { runningVariant, variantStaticParams } from "@/lib/experiments/running";
import { LandingView } from "../../landing-view";

export const revalidate = 3600;
export const generateStaticParams = variantStaticParams;

export default async function LandingVariantPage(props: { params: Promise<{ variant: string }> }) {
  const variant = await runningVariant((await props.params).variant);
  if (!variant) notFound();
  const [brand, catalog] = await Promise.all([getCachedBranding(), getPublicCatalog(variant)]);
  return <LandingView brand={brand} catalog={catalog} />;
}
