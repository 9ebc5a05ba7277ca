"use client";

// Catches what no segment's error.tsx can: a failure in the root layout or in a route group's layout
// (the dashboard and console layouts load the session and workspace). It replaces the root layout,
// so it brings its own document, styles and theme.
import { type ErrorBoundaryProps, ErrorPage } from "@/components/shell/error-page";
import { ThemeProvider } from "@/components/theme-provider";
import "./globals.css";
import { mono, sans } from "./fonts";

export default function GlobalError(props: ErrorBoundaryProps) {
  return (
    <html lang="en" suppressHydrationWarning className={`${sans.variable} ${mono.variable}`}>
      <body className="min-h-dvh">
        <title>Something went wrong</title>
        <ThemeProvider>
          <main>
            <ErrorPage {...props} home={{ href: "/", label: "Back to the home page" }} />
          </main>
        </ThemeProvider>
      </body>
    </html>
  );
}
