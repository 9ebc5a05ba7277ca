// /pricing as one price experiment variant sees it. Not linked or reachable directly: proxy.ts
// rewrites /pricing here for visitors assigned the variant. Static like /pricing (one cached page
// per variant), so the experiment costs the page no speed.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPublicCatalog } from "@/lib/catalog/public";
import { runningVariant, variantStaticParams } from "@/lib/experiments/running";
import { PricingView, pricingMetadata } from "../../pricing-view";

export const metadata: Metadata = pricingMetadata;
export const revalidate = 3600;
export const generateStaticParams = variantStaticParams;

export default async function PricingVariantPage(props: { params: Promise<{ variant: string }> }) {
  const variant = await runningVariant((await props.params).variant);
  if (!variant) notFound();
  return <PricingView catalog={await getPublicCatalog(variant)} />;
}
