import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

// The docs' code samples are real files under docs/snippets: the TypeScript ones are typechecked
// against packages/sdk by `tsc` (tsconfig.json includes them), the Python ones compiled by
// docs/snippets/snippets.test.ts. The pages that show them are static, so each file is read once,
// at build time, and what a reader copies is exactly what was checked.

const ROOT = path.join(process.cwd(), "docs", "snippets");

/** A sample's source, e.g. `readSnippet("typescript/route.ts")`. */
export function readSnippet(file: string): string {
  const full = path.join(ROOT, file);
  if (!full.startsWith(ROOT + path.sep)) throw new Error(`Not a docs snippet: ${file}`);
  return readFileSync(full, "utf8").trimEnd();
}
