"use client";

import { FormField } from "@/components/forms/form-field";
import { AdminForm, FieldGrid, useAdminForm } from "../../_components/admin-form";
import { CheckboxField, TextareaField } from "../../_components/form-bits";
import { FormFields, type FieldSpec } from "../../_components/form-fields";
import { saveBrandingAction } from "./actions";

export type SavedBranding = {
  companyName: string;
  supportEmail: string;
  legalName: string;
  primaryColor: string;
  headline: string;
  subheadline: string;
  legalAddress: string;
  poweredByTollgate: boolean;
  logoUrl: string | null;
  faviconUrl: string;
};

const FIELDS: FieldSpec<SavedBranding>[] = [
  { name: "companyName", label: "Company name", autoComplete: "organization", maxLength: 60 },
  {
    name: "primaryColor",
    label: "Primary colour",
    hint: "As #rrggbb. Buttons and links use it; it must reach 4.5:1 contrast with white (WCAG AA). Dark mode uses a lighter shade of it.",
    spellCheck: false,
  },
  {
    name: "supportEmail",
    label: "Support email",
    type: "email",
    hint: "Shown in every email's footer and on receipts.",
  },
  { name: "legalName", label: "Legal name", hint: "The seller on receipts, e.g. Example Studio Ltd." },
];

const IMAGE_TYPES = "image/png,image/jpeg,image/webp,image/svg+xml,image/x-icon,.ico";

function ImageField({
  kind,
  label,
  hint,
  current,
  errors,
}: {
  kind: "logo" | "favicon";
  label: string;
  hint: string;
  current: string | null;
  errors?: string[];
}) {
  const remove = kind === "logo" ? "removeLogo" : "removeFavicon";
  return (
    <div className="grid content-start gap-3">
      <FormField label={label} name={kind} type="file" accept={IMAGE_TYPES} hint={hint} errors={errors} />
      {current ? (
        <div className="flex items-center gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- an uploaded image of unknown size */}
          <img
            src={current}
            alt={`Current ${kind}`}
            className="h-10 max-w-40 rounded border bg-white object-contain p-1"
          />
          <CheckboxField label={`Remove the ${kind}`} name={remove} id={`field-${remove}`} />
        </div>
      ) : null}
    </div>
  );
}

export function BrandingForm(saved: SavedBranding) {
  const form = useAdminForm(saveBrandingAction, saved);
  return (
    <AdminForm form={form} submitLabel="Save branding">
      <FieldGrid>
        <FormFields form={form} fields={FIELDS} />
      </FieldGrid>
      <FieldGrid>
        <ImageField
          kind="logo"
          label="Logo"
          hint="PNG, JPEG, WebP or SVG, at most 512 KB. Shown beside the name in headers and emails."
          current={saved.logoUrl}
          errors={form.errors("logo")}
        />
        <ImageField
          kind="favicon"
          label="Favicon"
          hint="Square PNG, SVG or ICO, at most 100 KB. Without one, the name's initial on the primary colour."
          current={saved.faviconUrl}
          errors={form.errors("favicon")}
        />
      </FieldGrid>
      <TextareaField
        label="Legal address"
        hint="Printed on receipts under the legal name."
        rows={3}
        {...form.field("legalAddress")}
      />
      <FormField label="Landing page headline" maxLength={120} {...form.field("headline")} />
      <TextareaField label="Landing page sub-headline" rows={3} {...form.field("subheadline")} />
      <CheckboxField
        label="Show “Powered by Tollgate” in the site footer"
        {...form.checkbox("poweredByTollgate")}
      />
    </AdminForm>
  );
}
