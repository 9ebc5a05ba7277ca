import { describe, expect, it, vi } from "vitest";
import { createUser } from "@/test/factories";

// /checkout/<unknown id> is a 404 page, not a 500 (issue 14).
const session = vi.hoisted(() => ({ user: null as null | { id: string } }));
vi.mock("@/lib/auth/session", () => ({ requireUser: async () => session.user }));

const { default: CheckoutPage } = await import("@/app/(auth)/checkout/[id]/page");

async function render(id: string) {
  try {
    await CheckoutPage({ params: Promise.resolve({ id }) });
    return "rendered";
  } catch (e) {
    return (e as { digest?: string }).digest ?? String(e);
  }
}

describe("GET /checkout/{id}", () => {
  it("answers 404 for an unknown or malformed id", async () => {
    session.user = await createUser();
    for (const id of ["cs_unknown_0000", "\u0000", "%ff", "x".repeat(10_000)])
      expect(await render(id)).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});
