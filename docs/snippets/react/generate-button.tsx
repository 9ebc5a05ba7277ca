"use client";

import { UpgradePrompt, type RefusalInput } from "@tollgate/react";
import { useState } from "react";

// Your metered route (withTollgate) answers a refusal with Tollgate's own body; UpgradePrompt
// turns it into the right message and action: 402 buy credits, 403 upgrade to the tier that
// unlocks the model, 429 wait for the reset or upgrade.
export function GenerateButton({ prompt }: { prompt: string }) {
  const [error, setError] = useState<RefusalInput | null>(null);

  async function generate() {
    const res = await fetch("/api/posters", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ prompt }),
    });
    if (!res.ok) return setError((await res.json()) as RefusalInput); // { error: { code, upgradeUrl, … } }
    setError(null);
  }

  return (
    <>
      <button type="button" onClick={generate}>
        Generate poster
      </button>
      <UpgradePrompt error={error} onClose={() => setError(null)} />
    </>
  );
}
