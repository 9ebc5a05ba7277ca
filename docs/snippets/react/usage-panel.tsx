"use client";

import { CreditBalance, ModelPicker, QuotaMeter } from "@tollgate/react";
import { useState } from "react";

// Today's quota with its reset countdown, the balance with its runway, and the models of the
// plan: locked ones show the tier that unlocks them, beta ones a badge, each its price.
export function UsagePanel() {
  const [model, setModel] = useState("poster-editor:inpaint-standard");
  return (
    <aside>
      <QuotaMeter />
      <CreditBalance showRunway />
      <ModelPicker value={model} onChange={setModel} />
    </aside>
  );
}
