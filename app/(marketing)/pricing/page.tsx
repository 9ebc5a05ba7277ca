import type { Metadata } from "next";
import { getPublicCatalog } from "@/lib/catalog/public";
import { PricingView, pricingMetadata } from "./pricing-view";

export const metadata: Metadata = pricingMetadata;

// Static, rebuilt hourly; every admin catalog change also calls revalidatePath("/pricing").
// The billing interval is client state, so nothing here reads the request. During a price
// experiment proxy.ts rewrites /pricing to the visitor's variant (./v/[variant]), also static.
export const revalidate = 3600;

export default async function PricingPage() {
  return <PricingView catalog={await getPublicCatalog()} />;
}
