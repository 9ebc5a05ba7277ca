import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { AppError, RateLimitedError } from "@/lib/errors";
import { clearRateLimit, hitRateLimit } from "./rate-limit";
import { open, seal } from "./secret-box";

// Two-factor sign-in with TOTP (RFC 6238: 6 digits, 30 s, SHA-1, what every authenticator app
// reads) and 10 single-use recovery codes. The seed is sealed at rest (secret-box.ts); recovery
// codes are stored as SHA-256 hashes only. Each accepted TOTP step is remembered for two minutes
// so a code seen over someone's shoulder cannot be replayed.
const PURPOSE = "totp-secret";
const ISSUER = "Tollgate";
export const RECOVERY_CODE_COUNT = 10;
const MAX_CODE_ATTEMPTS = 5;
const ATTEMPT_WINDOW_SECONDS = 15 * 60;

export class InvalidTwoFactorCodeError extends AppError {
  constructor() {
    super(
      "invalid_two_factor_code",
      "That code is not valid. Check your authenticator app and try again.",
      400,
    );
  }
}

const totp = (secretBase32: string, label = "") =>
  new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secretBase32),
    digits: 6,
    period: 30,
    algorithm: "SHA1",
  });
const throttleKey = (userId: string) => `2fa:${userId}`;
const hashRecoveryCode = (code: string) =>
  createHash("sha256")
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ""))
    .digest("hex");

/** Counts a code attempt for the user; refuses once there were too many (a right code starts over). */
async function throttle(userId: string) {
  const limit = await hitRateLimit(throttleKey(userId), MAX_CODE_ATTEMPTS, ATTEMPT_WINDOW_SECONDS);
  if (!limit.allowed)
    throw new RateLimitedError(
      limit.retryAfterSeconds,
      "Too many two-factor codes tried. Try again in a few minutes.",
    );
}

/** A valid TOTP code for this secret that was not used before. */
async function acceptTotp(userId: string, secretBase32: string, code: string) {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const delta = totp(secretBase32).validate({ token, window: 1 });
  if (delta === null) return false;
  const step = Math.floor(Date.now() / 30_000) + delta;
  const once = await hitRateLimit(`2fa-step:${userId}:${step}`, 1, 120);
  return once.allowed;
}

/** The enrolment in progress (created on first visit): what the QR code and the page show. */
export async function pendingEnrolment(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.totpEnabledAt) return null;
  let base32 = user.totpSecret ? open(PURPOSE, user.totpSecret) : null;
  if (!base32) {
    base32 = new Secret({ size: 20 }).base32;
    // Only if no other tab started one meanwhile; then show that one.
    const set = await db.user.updateMany({
      where: { id: userId, totpSecret: null, totpEnabledAt: null },
      data: { totpSecret: seal(PURPOSE, base32) },
    });
    if (set.count === 0) return pendingEnrolment(userId);
  }
  const uri = totp(base32, user.email).toString();
  return { secret: base32, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** Confirms enrolment with a first code; returns the recovery codes, shown once. */
export async function confirmEnrolment(userId: string, code: string) {
  await throttle(userId);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.totpEnabledAt)
    throw new AppError("two_factor_enabled", "Two-factor authentication is already on.", 409);
  if (!user.totpSecret || !(await acceptTotp(userId, open(PURPOSE, user.totpSecret), code)))
    throw new InvalidTwoFactorCodeError();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(5).toString("hex");
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await db.$transaction(async (tx) => {
    const enabled = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: new Date() },
    });
    if (enabled.count !== 1)
      throw new AppError("two_factor_enabled", "Two-factor authentication is already on.", 409);
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
  });
  await clearRateLimit(throttleKey(userId));
  return codes;
}

/** A TOTP code or an unused recovery code (which is then spent). Throttled per user. */
export async function verifySecondFactor(userId: string, code: string) {
  await throttle(userId);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.totpEnabledAt || !user.totpSecret) return true;
  const ok =
    (await acceptTotp(userId, open(PURPOSE, user.totpSecret), code)) ||
    (
      await db.recoveryCode.updateMany({
        where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
        data: { usedAt: new Date() },
      })
    ).count === 1;
  if (ok) await clearRateLimit(throttleKey(userId));
  return ok;
}

export async function disableTwoFactor(userId: string, code: string) {
  if (!(await verifySecondFactor(userId, code))) throw new InvalidTwoFactorCodeError();
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null } }),
    db.recoveryCode.deleteMany({ where: { userId } }),
  ]);
}

export async function unusedRecoveryCodes(userId: string) {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

/** For tests and the e2e suite: the code an authenticator app would show now. */
export function currentCode(secretBase32: string, timestamp = Date.now()) {
  return totp(secretBase32).generate({ timestamp });
}
