import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ThemeProvider } from "@/components/theme-provider";
import { getCachedBranding } from "@/lib/branding/cached";
import { themeCss } from "@/lib/branding/color";
import { mono, sans } from "./fonts";
import "./globals.css";

// The brand (name, favicon, colour) comes from the admin's branding settings through Next's data
// cache: pages stay static, and saving the brand revalidates them.
export async function generateMetadata(): Promise<Metadata> {
  const brand = await getCachedBranding();
  return {
    title: { default: `${brand.companyName} — ${brand.headline}`, template: `%s · ${brand.companyName}` },
    description: brand.subheadline || brand.headline,
    icons: { icon: brand.faviconUrl },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const brand = await getCachedBranding();
  return (
    <html lang="en" suppressHydrationWarning className={`${sans.variable} ${mono.variable}`}>
      <head>
        {/* The brand colour's theme tokens over globals.css's: a few declarations, no layout shift. */}
        <style id="brand-theme">{themeCss(brand.primaryColor)}</style>
      </head>
      <body className="min-h-dvh overflow-x-hidden">
        <ThemeProvider>{children}</ThemeProvider>
      </body>
    </html>
  );
}
