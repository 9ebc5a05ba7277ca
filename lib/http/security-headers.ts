// The headers every response carries: next.config.ts sets them on what Next serves, and the metering
// hot path (lib/http/lean-routes.ts), which bypasses Next's router, adds the same ones itself.
// No imports: next.config.ts loads this file.

/**
 * Next.js hydrates with inline scripts and next-themes sets the theme before paint with one, so
 * script-src needs 'unsafe-inline' (no nonce: pages stay statically renderable). Everything else is
 * locked to this origin.
 */
export function securityHeaders(isDev: boolean): { key: string; value: string }[] {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self' https://github.com https://accounts.google.com",
    "object-src 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
