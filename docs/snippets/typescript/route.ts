import { Tollgate, withTollgate } from "@tollgate/sdk";

const tollgate = new Tollgate({ apiKey: process.env.TOLLGATE_API_KEY!, baseUrl: process.env.TOLLGATE_URL });

// Charged before the handler runs. A refusal never reaches it: the caller gets Tollgate's own
// 402 / 403 / 429 body (with buyCreditsUrl or upgradeUrl), ready for <UpgradePrompt />.
export const POST = withTollgate(
  async (req: Request) => {
    const { prompt } = await req.json();
    return Response.json({ poster: `rendered: ${prompt}` });
  },
  {
    client: tollgate,
    model: "poster-editor:inpaint-standard",
    quantity: 1,
    // The browser's own Idempotency-Key header names the charge (the default), so a retried
    // request is charged once.
  },
);
