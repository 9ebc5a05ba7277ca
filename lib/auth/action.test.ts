import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { publicAction } from "./action";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

describe("every server action refuses text that cannot be stored", () => {
  const run = vi.fn(async () => ({ ok: true, message: "saved" }));
  const action = publicAction(z.object({ name: z.string(), reason: z.string() }), run);

  it("refuses a NUL byte with a field message and never runs the action", async () => {
    run.mockClear();
    const state = await action({}, form({ name: "Ada\u0000", reason: "fine" }));
    expect(state.error).toMatch(/correct/i);
    expect(state.fieldErrors).toEqual({ name: ["This contains characters that are not allowed."] });
    expect(run).not.toHaveBeenCalled();
  });

  it("accepts ordinary text, emoji included", async () => {
    run.mockClear();
    expect(await action({}, form({ name: "Ada 🚀", reason: "grant" }))).toEqual({
      ok: true,
      message: "saved",
    });
    expect(run).toHaveBeenCalledOnce();
  });
});
