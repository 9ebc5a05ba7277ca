import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import boundaries from "./eslint/boundaries.mjs";

const source = ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "emails/**/*.{ts,tsx}"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    name: "tollgate/module-boundaries",
    files: source,
    plugins: { tollgate: boundaries },
    // The generated Prisma client is megabytes of code no module of ours is imported from: not parsed.
    settings: { "import/ignore": ["lib/db/generated/", "node_modules/"] },
    rules: {
      // No import cycles between our modules (type-only imports do not count).
      "import/no-cycle": ["error", { ignoreExternal: true }],
      // A "use client" file may not reach a module marked `import "server-only"`, directly or not.
      "tollgate/no-server-import-in-client": "error",
    },
  },
  {
    name: "tollgate/domain-never-imports-app",
    files: ["lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "emails/**/*.{ts,tsx}"],
    // Tests may drive a route handler end to end; the domain itself never reaches into app/.
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app", "@/app/*", "**/app/*"],
              message:
                "lib/ and components/ never import from app/: move the shared piece into lib/ or components/.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "packages/*/dist/**",
    ".data/**",
    "lib/db/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
