import { z } from "zod";
import { findDirty, isCleanString, isValidIdempotencyKey } from "./hygiene";

// Shared zod building blocks for the API's request schemas (v1, management, proxy), so that every
// string, number and metadata blob is bounded the same way (SPEC §8.1).

/** Balances and amounts stay below 2^53 millicredits so that JSON numbers are exact. */
export const MAX_MONEY = Number.MAX_SAFE_INTEGER;
export const MAX_MONEY_BIG = BigInt(MAX_MONEY);
/** Integer columns (quota units, counters) are PostgreSQL int4. */
export const MAX_INT4 = 2 ** 31 - 1;
// A call's quantity (requests, images, seconds) and token counts. Far beyond any real call, and
// small enough that quantity × quota weight and tokens / 1K × weight are checked, not overflowed.
export const MAX_QUANTITY = 1_000_000_000;
export const MAX_TOKENS = 1_000_000_000_000;

export const METADATA_MAX_BYTES = 16 * 1024;
export const METADATA_MAX_DEPTH = 10;

/** A string with no NUL and no lone surrogate, of at most `max` characters. */
export const safeString = (max: number) =>
  z.string().max(max).refine(isCleanString, "Must not contain NUL characters or unpaired surrogates.");

/** A whole number in [min, max]. */
export const boundedInt = (min: number, max: number) => z.number().int().min(min).max(max);

export const quantity = boundedInt(0, MAX_QUANTITY).meta({
  description: `Units used, 0 to ${MAX_QUANTITY.toLocaleString("en-US")}.`,
});
export const tokenCount = boundedInt(0, MAX_TOKENS);

/** Any JSON object, at most 16 KB serialised and 10 levels deep (the object itself is level 1). */
export const metadataSchema = z
  .record(safeString(200), z.unknown())
  .superRefine((value, ctx) => {
    // The object itself is level 1, so nesting past the limit is an object at path length 10.
    if (findDirty(value, METADATA_MAX_DEPTH)?.problem === "depth")
      ctx.addIssue({ code: "custom", message: `metadata may be at most ${METADATA_MAX_DEPTH} levels deep.` });
    else if (Buffer.byteLength(JSON.stringify(value)) > METADATA_MAX_BYTES)
      ctx.addIssue({
        code: "custom",
        message: `metadata may be at most ${METADATA_MAX_BYTES / 1024} KB as JSON.`,
      });
  })
  .meta({ description: "Any JSON object, stored with the event: at most 16 KB as JSON and 10 levels deep." });

/** An idempotency key in a body (batch items, management credits): the Idempotency-Key header's rule. */
export const idempotencyKeySchema = z
  .string()
  .refine(isValidIdempotencyKey, "Must be 1 to 255 printable ASCII characters and not blank.")
  .meta({
    description: "1 to 255 printable ASCII characters; the same key with a different body answers 409.",
  });
