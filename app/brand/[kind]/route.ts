// GET /brand/{logo|favicon} — the brand's uploaded image (the favicon falls back to a generated one)
import { createHash } from "node:crypto";
import { getBranding } from "@/lib/branding/branding";
import { getBrandAsset, isBrandAssetKind } from "@/lib/branding/assets";
import { defaultFaviconSvg } from "@/lib/branding/favicon";

// Links carry ?v=<hash>, so a versioned URL never changes content and can be cached for a year;
// an unversioned one is revalidated with its ETag.
const cacheControl = (versioned: boolean) =>
  versioned ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate";

export async function GET(req: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  if (!isBrandAssetKind(kind)) return new Response("Not found", { status: 404 });
  const asset = await getBrandAsset(kind);
  let body: Uint8Array | string;
  let type: string;
  let etag: string;
  if (asset) {
    [body, type, etag] = [new Uint8Array(asset.bytes), asset.contentType, `"${asset.sha256.slice(0, 32)}"`];
  } else if (kind === "favicon") {
    const brand = await getBranding();
    body = defaultFaviconSvg(brand.companyName, brand.primaryColor);
    [type, etag] = ["image/svg+xml", `"d${createHash("sha256").update(body).digest("hex").slice(0, 32)}"`];
  } else {
    return new Response("No logo uploaded", { status: 404, headers: { "Cache-Control": "no-store" } });
  }
  const version = new URL(req.url).searchParams.get("v");
  const headers = {
    "Content-Type": type,
    ETag: etag,
    "Cache-Control": cacheControl(Boolean(version) && Boolean(asset) && etag.includes(version!)),
    // An uploaded SVG is shown as an image, never run as a document of this origin.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    "X-Content-Type-Options": "nosniff",
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body as BodyInit, { headers });
}
