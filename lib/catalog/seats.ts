// Team seats come from the plan's `team_seats` feature (SPEC §2: a numeric limit such as 5). A plan
// with the feature and no limit has unlimited seats; a plan without it has one: the owner's.

export const SEATS_FEATURE_KEY = "team_seats";

/** How many members a workspace on a plan with these features may have; null = unlimited. */
export function seatLimit(features: { key: string; limitValue: number | null }[]): number | null {
  const seats = features.find((f) => f.key === SEATS_FEATURE_KEY);
  return seats ? seats.limitValue : 1;
}
