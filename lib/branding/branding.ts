import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { assetVersions } from "./assets";
import { HEX_COLOR, primaryContrastProblem } from "./color";

// The brand of the company that runs this install (SPEC §8.3): the name, copy, colour and legal
// details every page, email, receipt and checkout shows. Stored as one Setting row ("branding");
// the images live in BrandAsset (./assets.ts). A fresh install shows the neutral demo brand below.

const SETTING_KEY = "branding";
const text = (max: number, message: string) => z.string().trim().max(max, message);

export const brandingSchema = z.object({
  companyName: text(60, "At most 60 characters.").min(1, "Enter the company name."),
  legalName: text(120, "At most 120 characters."),
  legalAddress: text(300, "At most 300 characters."),
  supportEmail: z.union([
    z.literal(""),
    z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254)),
  ]),
  primaryColor: z
    .string()
    .trim()
    .toLowerCase()
    .regex(HEX_COLOR, "Enter a colour as #rrggbb, for example #4338ca.")
    .superRefine((hex, ctx) => {
      const problem = primaryContrastProblem(hex);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  headline: text(120, "At most 120 characters.").min(1, "Enter a headline."),
  subheadline: text(300, "At most 300 characters."),
  poweredByTollgate: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
export type BrandSettings = z.infer<typeof brandingSchema>;

export const defaultBranding: BrandSettings = {
  companyName: "Demo AI Studio",
  legalName: "",
  legalAddress: "",
  supportEmail: "",
  primaryColor: "#4338ca",
  headline: "AI apps for video, images and chat, on one account",
  subheadline:
    "Use every app with one balance. Start free, pay as you go, or pick a plan with included credits and a daily quota.",
  poweredByTollgate: true,
};

export type Branding = BrandSettings & {
  /** Same-origin path of the uploaded logo (versioned, so caches never serve an old one), or null. */
  logoUrl: string | null;
  /** Same-origin path of the favicon: the uploaded one, or the default generated from name and colour. */
  faviconUrl: string;
};

async function storedSettings(executor: Tx | typeof db = db): Promise<BrandSettings> {
  const row = await executor.setting.findUnique({ where: { key: SETTING_KEY } });
  const stored = row?.value && typeof row.value === "object" ? row.value : {};
  // A stored value that no longer validates (a rule got stricter) falls back field by field.
  const merged = { ...defaultBranding, ...stored } as Record<string, unknown>;
  const out = { ...defaultBranding } as Record<string, unknown>;
  for (const key of Object.keys(defaultBranding) as (keyof BrandSettings)[]) {
    const one = brandingSchema.shape[key].safeParse(merged[key]);
    if (one.success) out[key] = one.data;
  }
  return out as BrandSettings;
}

/**
 * The brand as pages, emails and receipts show it: one settings row and one small index read.
 * Inside a transaction, pass it: the reads then take no second connection from the pool.
 */
export async function getBranding(executor: Tx | typeof db = db): Promise<Branding> {
  const settings = await storedSettings(executor);
  const versions = await assetVersions(executor);
  return {
    ...settings,
    logoUrl: versions.logo ? `/brand/logo?v=${versions.logo}` : null,
    faviconUrl: `/brand/favicon?v=${versions.favicon ?? defaultFaviconVersion(settings)}`,
  };
}

// The default favicon is drawn from the name's initial and the colour: its URL changes with them.
const defaultFaviconVersion = (s: BrandSettings) =>
  `d${Buffer.from(`${s.companyName.slice(0, 1)}${s.primaryColor}`).toString("hex")}`;

/** Saves the brand's settings (validated; the colour must pass WCAG AA) and audits the change. */
export async function updateBranding(actor: Actor, input: Partial<Record<keyof BrandSettings, unknown>>) {
  const next = brandingSchema.parse({ ...(await storedSettings()), ...input });
  return db.$transaction(async (tx) => {
    const before = await storedSettings();
    await tx.setting.upsert({
      where: { key: SETTING_KEY },
      create: { key: SETTING_KEY, value: next },
      update: { value: next },
    });
    await recordAudit(tx, { actor, action: "branding.update", targetType: "branding", before, after: next });
    return next;
  });
}
