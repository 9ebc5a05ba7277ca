import { Tollgate } from "@tollgate/sdk";

const tollgate = new Tollgate({ apiKey: process.env.TOLLGATE_API_KEY!, baseUrl: process.env.TOLLGATE_URL });

declare function inpaint(posterId: string): Promise<string>;

// Known cost (one image, one request, N seconds): charge first, then do the work.
// A refusal throws before inpaint() runs, so a user who cannot pay never costs you anything.
export function inpaintPoster(posterId: string, jobId: string) {
  return tollgate.meter(
    { model: "poster-editor:inpaint-standard", quantity: 1, idempotencyKey: `inpaint-${jobId}` },
    () => inpaint(posterId),
  );
}
