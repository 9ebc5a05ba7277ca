// How the console names a workspace's account type and plan.

export const accountTypeLabel = (type: "payg" | "subscription") =>
  type === "payg" ? "Pay as you go" : "Subscription";

/** The live subscription's tier name, or Free without one. */
export const planName = (subscriptions: { tier: { name: string } }[]) =>
  subscriptions[0]?.tier.name ?? "Free";
