import "server-only";
import { createHash } from "node:crypto";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

// The brand's images, uploaded in the admin console and stored in PostgreSQL (BrandAsset), so
// every app instance serves the same bytes without a shared disk or object store.

export const BRAND_ASSET_KINDS = ["logo", "favicon"] as const;
export type BrandAssetKind = (typeof BRAND_ASSET_KINDS)[number];
export const isBrandAssetKind = (v: unknown): v is BrandAssetKind =>
  typeof v === "string" && (BRAND_ASSET_KINDS as readonly string[]).includes(v);

export const ASSET_LIMITS: Record<BrandAssetKind, { maxBytes: number; label: string }> = {
  logo: { maxBytes: 512 * 1024, label: "512 KB" },
  favicon: { maxBytes: 100 * 1024, label: "100 KB" },
};

const ACCEPTED = "PNG, JPEG, WebP, SVG or ICO";

// The type is read from the file's first bytes, never from the name or the browser's claim.
const SIGNATURES: [string, (b: Uint8Array) => boolean][] = [
  ["image/png", (b) => [0x89, 0x50, 0x4e, 0x47].every((x, i) => b[i] === x)],
  ["image/jpeg", (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ["image/webp", (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP"],
  ["image/x-icon", (b) => [0, 0, 1, 0].every((x, i) => b[i] === x)],
  ["image/svg+xml", (b) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(ascii(b, 0, 1024))],
];
function ascii(b: Uint8Array, from: number, to: number) {
  return Buffer.from(b.subarray(from, to)).toString("latin1");
}

export class BrandAssetError extends AppError {
  constructor(message: string) {
    super("invalid_brand_asset", message, 400);
  }
}

/** The image's content type, or a BrandAssetError saying what is wrong with it. */
export function sniffAsset(kind: BrandAssetKind, bytes: Uint8Array): string {
  const what = kind === "logo" ? "The logo" : "The favicon";
  if (bytes.length === 0) throw new BrandAssetError(`${what} file is empty.`);
  if (bytes.length > ASSET_LIMITS[kind].maxBytes)
    throw new BrandAssetError(`${what} must be at most ${ASSET_LIMITS[kind].label}.`);
  const type = SIGNATURES.find(([, test]) => test(bytes))?.[0];
  if (!type) throw new BrandAssetError(`${what} must be a ${ACCEPTED} image.`);
  return type;
}

/** Validates and stores one image, replacing the previous one; audited. Returns its version. */
export async function saveBrandAsset(actor: Actor, kind: BrandAssetKind, bytes: Uint8Array) {
  const contentType = sniffAsset(kind, bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const data = { contentType, bytes: new Uint8Array(bytes), sha256 };
  await db.$transaction(async (tx) => {
    await tx.brandAsset.upsert({ where: { kind }, create: { kind, ...data }, update: data });
    await recordAudit(tx, {
      actor,
      action: "branding.asset.upload",
      targetType: "branding",
      targetId: kind,
      after: { kind, contentType, bytes: bytes.length, sha256 },
    });
  });
  return sha256.slice(0, 16);
}

/** Removes an uploaded image (the default shows again); audited. */
export async function removeBrandAsset(actor: Actor, kind: BrandAssetKind) {
  await db.$transaction(async (tx) => {
    const removed = await tx.brandAsset.deleteMany({ where: { kind } });
    if (removed.count)
      await recordAudit(tx, {
        actor,
        action: "branding.asset.remove",
        targetType: "branding",
        targetId: kind,
      });
  });
}

export const getBrandAsset = (kind: BrandAssetKind) => db.brandAsset.findUnique({ where: { kind } });

/** The version (hash prefix) of each uploaded image, without reading the bytes. */
export async function assetVersions(
  executor: Tx | typeof db = db,
): Promise<Partial<Record<BrandAssetKind, string>>> {
  const rows = await executor.brandAsset.findMany({ select: { kind: true, sha256: true } });
  return Object.fromEntries(rows.map((r) => [r.kind, r.sha256.slice(0, 16)]));
}
