export { Tollgate, type RequestOptions, type TollgateOptions } from "./client.js";
export * from "./errors.js";
export {
  openAiUsage,
  type ActualUsage,
  type HoldOptions,
  type Meter,
  type MeterOptions,
  type StreamOptions,
} from "./meter.js";
export { Tracker, type TrackerOptions } from "./tracker.js";
export { guard, tollgateExpress, withTollgate, type GuardOptions } from "./server.js";
export type * from "./types.js";
