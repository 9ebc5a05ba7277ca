import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/test/factories";
import { signInWithPassword } from "./sign-in";
import {
  confirmEnrolment,
  currentCode,
  disableTwoFactor,
  pendingEnrolment,
  RECOVERY_CODE_COUNT,
  unusedRecoveryCodes,
  verifySecondFactor,
} from "./two-factor";

let n = 0;
const ip = () => `2fa-test-${Date.now()}-${n++}`;

async function enrolled() {
  const user = await createUser({ role: "admin", verified: true });
  const enrolment = (await pendingEnrolment(user.id))!;
  const codes = await confirmEnrolment(user.id, currentCode(enrolment.secret));
  return { user, secret: enrolment.secret, codes };
}

describe("two-factor enrolment", () => {
  it("shows one pending secret (sealed at rest) until it is confirmed with a code", async () => {
    const user = await createUser();
    const first = (await pendingEnrolment(user.id))!;
    const again = (await pendingEnrolment(user.id))!;
    expect(again.secret).toBe(first.secret);
    expect(first.uri).toMatch(/^otpauth:\/\/totp\/Tollgate:.+\?.*secret=/);
    expect(first.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).not.toContain(first.secret);
    expect(stored.totpEnabledAt).toBeNull();

    await expect(confirmEnrolment(user.id, "000000")).rejects.toThrow(/not valid/);
    const codes = await confirmEnrolment(user.id, currentCode(first.secret));
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
    // Only hashes are kept.
    const rows = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.codeHash)).not.toContain(codes[0]);
    expect(await pendingEnrolment(user.id)).toBeNull();
  });
});

describe("two-factor sign-in", () => {
  it("asks for a code after the right password, and accepts a valid TOTP code once", async () => {
    const { user, secret } = await enrolled();
    const address = ip();
    await expect(signInWithPassword(user.email, "wrong password", address)).rejects.toThrow(
      "Wrong email or password.",
    );
    await expect(signInWithPassword(user.email, user.password, address)).rejects.toThrow("2fa_required");
    await expect(signInWithPassword(user.email, user.password, address, "123456")).rejects.toThrow(
      /not valid/,
    );
    // The next 30-second step (accepted within one step of drift): enrolment already used this one.
    const code = currentCode(secret, Date.now() + 30_000);
    await expect(signInWithPassword(user.email, user.password, address, code)).resolves.toMatchObject({
      id: user.id,
    });
    // The same code cannot be replayed.
    await expect(signInWithPassword(user.email, user.password, ip(), code)).rejects.toThrow(/not valid/);
  });

  it("accepts each recovery code once", async () => {
    const { user, codes } = await enrolled();
    await expect(
      signInWithPassword(user.email, user.password, ip(), codes[3].toUpperCase()),
    ).resolves.toMatchObject({ id: user.id });
    await expect(signInWithPassword(user.email, user.password, ip(), codes[3])).rejects.toThrow(/not valid/);
    expect(await unusedRecoveryCodes(user.id)).toBe(RECOVERY_CODE_COUNT - 1);
  });

  it("throttles code attempts per user", async () => {
    const { user, secret } = await enrolled();
    for (let i = 0; i < 5; i++) expect(await verifySecondFactor(user.id, `00000${i}`)).toBe(false);
    // Even the right code is refused once the attempts are used up.
    await expect(verifySecondFactor(user.id, currentCode(secret, Date.now() + 30_000))).rejects.toThrow(
      /Too many two-factor codes/,
    );
  });

  it("does not ask users without two-factor for a code, and turning it off needs a code", async () => {
    const plain = await createUser();
    await expect(signInWithPassword(plain.email, plain.password, ip())).resolves.toMatchObject({
      id: plain.id,
    });
    const { user, codes } = await enrolled();
    await expect(disableTwoFactor(user.id, "999999")).rejects.toThrow(/not valid/);
    await disableTwoFactor(user.id, codes[0]);
    await expect(signInWithPassword(user.email, user.password, ip())).resolves.toMatchObject({ id: user.id });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });
});
