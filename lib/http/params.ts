import { InvalidRequestError } from "@/lib/metering/errors";
import { isValidPathId } from "./hygiene";

/** A route's path parameters, each checked to be a short printable id (400 otherwise: `%00`, 10 KB, ...). */
export async function pathParams<P extends Record<string, string | string[]>>(ctx?: {
  params: Promise<P>;
}): Promise<P> {
  const params = ((await ctx?.params) ?? {}) as P;
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (!isValidPathId(v))
        throw new InvalidRequestError(`Malformed ${name} in the path.`, [
          { code: "invalid_id", path: [name], message: "Expected 1 to 128 letters, digits or _ . : ~ -." },
        ]);
    }
  }
  return params;
}
