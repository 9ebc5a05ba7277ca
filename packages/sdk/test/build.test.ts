import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// The package as npm would ship it: `tsc` builds ESM and declarations from src/ with its own
// tsconfig (NodeNext, no DOM-only or Node-only imports), and the build imports with no dependencies.

const root = path.resolve(import.meta.dirname, "..");
const out = mkdtempSync(path.join(tmpdir(), "tollgate-sdk-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("@tollgate/sdk build", () => {
  it("compiles to ESM with .d.ts and no runtime dependencies", async () => {
    const tsc = path.resolve(root, "../../node_modules/typescript/bin/tsc");
    execFileSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.json"), "--outDir", out], {
      stdio: "pipe",
    });
    expect(existsSync(path.join(out, "index.d.ts"))).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as Record<string, unknown>;
    expect(pkg.type).toBe("module");
    expect(pkg.dependencies).toBeUndefined();
    const built = (await import(pathToFileURL(path.join(out, "index.js")).href)) as Record<string, unknown>;
    for (const name of ["Tollgate", "TollgateError", "InsufficientCreditsError", "withTollgate", "guard"])
      expect(typeof built[name], name).toBe("function");
  });
});
