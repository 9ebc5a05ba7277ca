import "server-only";
import { cloneElement, isValidElement, type ReactElement } from "react";
import { EmailLayout, type EmailBrand } from "@/emails/email-layout";
import { getBranding } from "@/lib/branding/branding";
import type { Tx, db } from "@/lib/db";
import { env } from "@/lib/env";

/** The company's brand for an email: the branding settings, with the logo as an absolute URL. */
export async function emailBrand(executor?: Tx | typeof db): Promise<EmailBrand> {
  const b = await getBranding(executor);
  return {
    companyName: b.companyName,
    logoUrl: b.logoUrl ? new URL(b.logoUrl, env.APP_URL).toString() : null,
    primaryColor: b.primaryColor,
    supportEmail: b.supportEmail,
    legalName: b.legalName,
    legalAddress: b.legalAddress,
  };
}

/**
 * Every template renders one EmailLayout at its root (checked here); the brand is set on it, so
 * the templates themselves stay free of it.
 */
export function withBrand(element: ReactElement, brand: EmailBrand): ReactElement {
  if (!isValidElement(element) || element.type !== EmailLayout)
    throw new Error("An email template must render <EmailLayout> at its root.");
  return cloneElement(element as ReactElement<{ brand?: EmailBrand }>, { brand });
}
