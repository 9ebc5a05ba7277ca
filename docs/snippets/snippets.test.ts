import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as usageRoute from "@/app/api/v1/usage/route";
import { db } from "@/lib/db";
import { apiWorkspace } from "@/test/metering";
import { startRouteServer } from "@/test/route-server";

// The code samples on the docs pages are these files, shown as they are. This keeps them true:
// the TypeScript and React ones compile against packages/sdk and packages/react (and the route
// samples run against the real API), the Python ones compile.

const here = path.dirname(new URL(import.meta.url).pathname);
const files = (dir: string, ext: string) =>
  readdirSync(path.join(here, dir))
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(here, dir, f));

describe("docs snippets", () => {
  it("every TypeScript and React sample compiles against @tollgate/sdk and @tollgate/react", () => {
    const root = path.resolve(here, "../..");
    const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    const samples = [...files("typescript", ".ts"), ...files("react", ".tsx")];
    expect(samples.length).toBeGreaterThanOrEqual(13);
    const program = ts.createProgram([...samples, path.join(root, "types/css.d.ts")], {
      ...options,
      types: ["node"],
      incremental: false,
      noEmit: true,
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(errors).toEqual([]);
  });

  it("every Python sample is valid Python", () => {
    const samples = files("python", ".py");
    expect(samples.length).toBeGreaterThanOrEqual(8);
    const out = execFileSync(
      "python3",
      [
        "-c",
        "import sys\nfor f in sys.argv[1:]: compile(open(f).read(), f, 'exec')\nprint('ok')",
        ...samples,
      ],
      { encoding: "utf8" },
    );
    expect(out.trim()).toBe("ok");
  });
});

describe("docs snippets against the real API", () => {
  let server: Awaited<ReturnType<typeof startRouteServer>>;
  beforeAll(async () => {
    server = await startRouteServer({ "/api/v1/usage": usageRoute });
  });
  afterAll(() => server.close());

  const balance = async (id: string) =>
    (await db.workspace.findUniqueOrThrow({ where: { id } })).balanceMillicredits;

  /** A sample module, loaded fresh with the environment a reader's app would give it. */
  async function load<T>(file: string, key: string): Promise<T> {
    vi.resetModules();
    process.env.TOLLGATE_API_KEY = key;
    process.env.TOLLGATE_URL = server.url;
    return (await import(/* @vite-ignore */ `./typescript/${file}`)) as T;
  }

  it("the quickstart's route is charged before it runs, once per Idempotency-Key, and answers a refusal with Tollgate's body", async () => {
    type RouteSample = typeof import("./typescript/route");
    const funded = await apiWorkspace({ balance: 1_000_000n });
    const { POST } = await load<RouteSample>("route.ts", funded.key);
    const call = () =>
      POST(
        new Request("http://app.local/api/posters", {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": "poster-1" },
          body: JSON.stringify({ prompt: "a fox" }),
        }),
      );
    const first = await call();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ poster: "rendered: a fox" });
    const after = await balance(funded.workspace.id);
    expect(after).toBeLessThan(1_000_000n);
    expect((await call()).status).toBe(200);
    expect(await balance(funded.workspace.id)).toBe(after);

    const empty = await apiWorkspace();
    const { POST: refused } = await load<RouteSample>("route.ts", empty.key);
    const answer = await refused(new Request("http://app.local/api/posters", { method: "POST", body: "{}" }));
    expect(answer.status).toBe(402);
    expect((await answer.json()).error).toMatchObject({
      code: "insufficient_credits",
      buyCreditsUrl: expect.stringMatching(/\/dashboard\/credits$/),
    });
  });

  it("the typed-errors sample turns a locked model into the tier to upgrade to and its link", async () => {
    const free = await apiWorkspace({ balance: 1_000_000n });
    const { upscale } = await load<typeof import("./typescript/errors")>("errors.ts", free.key);
    expect(await upscale("img_1")).toEqual({
      message: expect.stringMatching(/^Needs the \w+ plan\.$/),
      action: expect.stringMatching(/\/dashboard\/billing\?plan=\w+$/),
    });
    expect(await balance(free.workspace.id)).toBe(1_000_000n);
  });
});
