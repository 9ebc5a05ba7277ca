import { PricingTable } from "@tollgate/react";

// The public catalog: every plan on sale with its price, included credits, quota and models.
export default function PricingPage() {
  return (
    <main>
      <h1>Pricing</h1>
      <PricingTable />
    </main>
  );
}
