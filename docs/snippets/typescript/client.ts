import { Tollgate } from "@tollgate/sdk";

// One client per server process. It holds the workspace's secret key (tg_…): server code only.
const tollgate = new Tollgate({
  apiKey: process.env.TOLLGATE_API_KEY!,
  baseUrl: process.env.TOLLGATE_URL, // e.g. https://billing.example.com
});

export async function renderPoster(jobId: string) {
  // Charged before the work runs. The key names the job: a retry of it is charged once.
  const charge = await tollgate.usage.create(
    { model: "poster-editor:inpaint-standard", quantity: 1 },
    { idempotencyKey: `render-${jobId}` },
  );
  console.log(`Charged ${charge.charged.credits} credits; ${charge.balance.credits} left.`);

  const me = await tollgate.me();
  console.log(me.plan.tier, me.quota, me.runway.days);
}
