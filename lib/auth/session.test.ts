import { describe, expect, it } from "vitest";
import { updateSettings } from "@/lib/settings/settings";
import { adminNeedsTwoFactor } from "./session";

describe("requireAdminTwoFactor", () => {
  it("sends admins without two-factor to enrolment only while the setting is on", async () => {
    const admin = { role: "admin", totpEnabledAt: null };
    await updateSettings(null, { requireAdminTwoFactor: false });
    expect(await adminNeedsTwoFactor(admin)).toBe(false);
    await updateSettings(null, { requireAdminTwoFactor: true });
    try {
      expect(await adminNeedsTwoFactor(admin)).toBe(true);
      expect(await adminNeedsTwoFactor({ role: "admin", totpEnabledAt: new Date() })).toBe(false);
      expect(await adminNeedsTwoFactor({ role: "user", totpEnabledAt: null })).toBe(false);
    } finally {
      await updateSettings(null, { requireAdminTwoFactor: false });
    }
  });
});
