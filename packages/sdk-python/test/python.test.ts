import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { apiWorkspace, ledgerSum, teamWorkspace } from "@/test/metering";
import { startRouteServer } from "@/test/route-server";
import { SDK_ROUTES } from "@/test/v1-routes";

// The Python SDK (packages/sdk-python) against the real route handlers over real HTTP and the real
// database: this file seeds the workspaces and keys, serves the v1 API, and runs the Python tests
// (python3 -m unittest, standard library only) with their addresses in the environment.

const ADMIN_KEY = "tga_python_sdk_test_0123456789";
env.TOLLGATE_ADMIN_API_KEY = ADMIN_KEY;
const PACKAGE = path.resolve(import.meta.dirname, "..");

let server: Awaited<ReturnType<typeof startRouteServer>>;
beforeAll(async () => {
  server = await startRouteServer(SDK_ROUTES);
});
afterAll(() => server.close());

function runPython(env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn("python3", ["-m", "unittest", "discover", "-s", "tests", "-t", ".", "-v"], {
      cwd: PACKAGE,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", ...env },
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("tollgate (Python SDK) against the real API", () => {
  it("passes its unittest suite: charges, retries, typed refusals, holds, streams, sessions, tracker", async () => {
    // Pro on pay as you go: credits drawn on every call, 300 requests a minute for the whole suite.
    const main = await apiWorkspace({ tier: "pro", accountType: "payg", balance: 10_000_000n });
    await db.workspace.update({ where: { id: main.workspace.id }, data: { accountType: "payg" } });
    const poor = await apiWorkspace({ balance: 10n });
    const free = await apiWorkspace({ balance: 1_000_000n });
    const busy = await apiWorkspace({ balance: 1_000_000n });
    const capped = await apiWorkspace({ balance: 1_000_000n, cap: 1n });
    const quota = await apiWorkspace({ tier: "starter", accountType: "subscription" });
    const team = await teamWorkspace({ balance: 1_000_000n, members: [{}, { cap: 50_000n }] });

    const { code, output } = await runPython({
      TOLLGATE_URL: server.url,
      TOLLGATE_API_KEY: main.key,
      TOLLGATE_WORKSPACE_ID: main.workspace.id,
      TOLLGATE_ADMIN_API_KEY: ADMIN_KEY,
      TOLLGATE_POOR_KEY: poor.key,
      TOLLGATE_FREE_KEY: free.key,
      TOLLGATE_BUSY_KEY: busy.key,
      TOLLGATE_CAPPED_KEY: capped.key,
      TOLLGATE_QUOTA_KEY: quota.key,
      TOLLGATE_TEAM_WORKSPACE_ID: team.workspace.id,
      TOLLGATE_TEAM_MEMBER_ID: team.members[1].user.id,
      TOLLGATE_TEAM_MEMBER_KEY: team.members[1].key,
    });
    if (code !== 0) console.error(output);
    expect(code, output).toBe(0);
    expect(output).toMatch(/^OK$/m);
    expect(output).not.toMatch(/skipped/);

    // What the Python suite did, as the ledger sees it: every charge with its ledger entry.
    for (const w of [main.workspace, poor.workspace, free.workspace, team.workspace]) {
      const { balanceMillicredits } = await db.workspace.findUniqueOrThrow({ where: { id: w.id } });
      expect(await ledgerSum(w.id)).toBe(balanceMillicredits);
    }
    const open = await db.reservation.count({ where: { workspaceId: main.workspace.id, status: "held" } });
    expect(open).toBe(0);
  }, 180_000);
});
