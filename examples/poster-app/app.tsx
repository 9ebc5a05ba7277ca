import { errorFromResponse, type TollgateError } from "@tollgate/sdk";
import {
  CreditBalance,
  ModelPicker,
  PricingTable,
  QuotaMeter,
  TollgateProvider,
  UpgradePrompt,
  useTollgate,
} from "@tollgate/react";
import { useState } from "react";
import { createRoot } from "react-dom/client";

// The poster app's page: pick a model (locked ones show the plan that unlocks them), generate
// (metered by the app's own server), and see the quota and balance move. A refusal opens the
// upgrade prompt with what the user can do.

const config = JSON.parse(document.getElementById("config")!.textContent!) as { tollgateUrl: string };

const getToken = async () => {
  const res = await fetch("/api/session", { method: "POST" });
  if (!res.ok) throw new Error(`Could not start a session (${res.status}).`);
  return (await res.json()) as { token: string; expiresAt: string };
};

type Poster = { model: string; text: string };

function Studio() {
  const { refresh, error, loading } = useTollgate();
  const [model, setModel] = useState<string | null>("poster-editor:inpaint-standard");
  const [prompt, setPrompt] = useState("Summer sale");
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<TollgateError | null>(null);
  const [posters, setPosters] = useState<Poster[]>([]);

  async function generate() {
    // Not disabled while busy: the button keeps focus, and gets it back when the prompt closes.
    if (!model || busy) return;
    setBusy(true);
    try {
      const res = await fetch("/api/generate", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model, prompt }),
      });
      const body: unknown = await res.json();
      if (res.ok) setPosters((p) => [(body as { poster: Poster }).poster, ...p]);
      else setRefusal(errorFromResponse(res.status, body, res.headers));
      await refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page tg">
      <header className="page-header">
        <h1>Poster studio</h1>
        <p className="muted">An example app metered by Tollgate.</p>
      </header>
      {error && (
        <p role="alert" className="alert">
          Tollgate could not be reached: {error.message}
        </p>
      )}
      <div className="layout">
        <section aria-labelledby="edit-title" className="panel">
          <h2 id="edit-title">New poster</h2>
          <ModelPicker value={model} onChange={setModel} app="poster-editor" type="metered" />
          <label className="field">
            <span>Poster text</span>
            <input value={prompt} onChange={(e) => setPrompt(e.target.value)} maxLength={80} />
          </label>
          <button
            type="button"
            className="tg-button generate"
            onClick={generate}
            disabled={loading || !model}
            aria-busy={busy}
          >
            {busy ? "Generating…" : "Generate"}
          </button>
          <h3 className="sr-only">Your posters</h3>
          <ul className="posters" aria-label="Your posters">
            {posters.map((p, i) => (
              <li key={posters.length - i}>
                “{p.text}” — {p.model}
              </li>
            ))}
          </ul>
        </section>
        <aside aria-label="Your usage" className="panel">
          <QuotaMeter />
          <CreditBalance showRunway />
        </aside>
      </div>
      <section aria-labelledby="plans-title" className="plans">
        <h2 id="plans-title">Plans</h2>
        <PricingTable />
      </section>
      <UpgradePrompt error={refusal} onClose={() => setRefusal(null)} />
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <TollgateProvider baseUrl={config.tollgateUrl} getToken={getToken}>
    <Studio />
  </TollgateProvider>,
);
