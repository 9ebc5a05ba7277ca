import { z } from "zod";

/**
 * Forms post a catalog key as `code`: the action wrapper never echoes fields named like "key"
 * back after an error (they may be secrets), and a mistyped feature or app key should survive one.
 */
export function keyFromCode<S extends z.ZodType>(schema: S) {
  return z.preprocess((raw) => {
    if (typeof raw !== "object" || raw === null) return raw;
    const { code, ...rest } = raw as Record<string, unknown>;
    return { ...rest, key: code };
  }, schema);
}

/** The schema reports problems on `key`; the form shows them under its `code` input. */
export const keyErrors = (fieldErrors: Record<string, string[] | undefined> | undefined) =>
  fieldErrors?.key ?? fieldErrors?.code;
