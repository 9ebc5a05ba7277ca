import {
  InsufficientCreditsError,
  ModelNotAllowedError,
  QuotaExceededError,
  RateLimitedError,
  Tollgate,
  TollgateError,
} from "@tollgate/sdk";

const tollgate = new Tollgate({ apiKey: process.env.TOLLGATE_API_KEY!, baseUrl: process.env.TOLLGATE_URL });

// Every refusal is a typed error. Branch on the class (or error.code), never on the message.
export async function upscale(imageId: string) {
  try {
    return await tollgate.meter({ model: "poster-editor:super-resolution", quantity: 1 }, () => ({
      upscaled: imageId,
    }));
  } catch (error) {
    if (error instanceof InsufficientCreditsError) {
      return { message: "Out of credits.", action: error.buyCreditsUrl };
    }
    if (error instanceof ModelNotAllowedError) {
      return { message: `Needs the ${error.requiredTier} plan.`, action: error.upgradeUrl };
    }
    if (error instanceof QuotaExceededError) {
      return { message: `Daily quota used up until ${error.resetsAt}.`, action: error.upgradeUrl };
    }
    if (error instanceof RateLimitedError) {
      return { message: `Too fast: try again in ${error.retryAfterSeconds ?? 1} s.`, action: null };
    }
    if (error instanceof TollgateError) {
      // A bug or an outage: log the code and the request id for support.
      console.error(error.code, error.status, error.requestId);
    }
    throw error;
  }
}
