import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests are server code: see lib/server-only/outside-next.ts.
      "server-only": path.resolve(import.meta.dirname, "lib/server-only/outside-next.ts"),
      // The workspace's own packages, from source (as tsconfig.json's paths).
      "@tollgate/sdk": path.resolve(import.meta.dirname, "packages/sdk/src/index.ts"),
      "@tollgate/react": path.resolve(import.meta.dirname, "packages/react/src/index.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", ".data/**", "e2e/**"],
    environment: "node",
    // API access lines are info; tests print warnings and errors only unless LOG_LEVEL says otherwise.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    // One shared database: files run one after another so a test that rewrites a catalog matrix
    // never races another file; concurrency is tested inside files, where it is meant.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
