import { GeistSans } from "geist/font/sans";
import localFont from "next/font/local";

// Geist Sans sets every page's text, so it is preloaded (geist's own setup). Geist Mono is the
// same font file geist/font/mono loads, but not preloaded: only code samples and keys use it, and a
// preloaded 70 KB font competes with the stylesheet and the hero for a phone's bandwidth on every
// page. The browser fetches it when a page shows monospace text.
export const sans = GeistSans;

export const mono = localFont({
  src: "../node_modules/geist/dist/fonts/geist-mono/GeistMono-Variable.woff2",
  variable: "--font-geist-mono",
  adjustFontFallback: false,
  preload: false,
  fallback: [
    "ui-monospace",
    "SFMono-Regular",
    "Roboto Mono",
    "Menlo",
    "Monaco",
    "Liberation Mono",
    "DejaVu Sans Mono",
    "Courier New",
    "monospace",
  ],
  weight: "100 900",
});
