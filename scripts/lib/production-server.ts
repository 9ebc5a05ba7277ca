import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { freePort } from "./throwaway-db";

export type ProductionServer = { base: string; stop: () => Promise<void> };

/**
 * `npm start` (scripts/run.ts start: scripts/lib/serve.ts in front of Next, with the metering hot
 * path's lean dispatch) on the production build (built first when there is none), on a free port,
 * against the DATABASE_URL in `env`, answering /api/health before this returns. `env` is added to this process's environment. With
 * BENCH_CPU_PROFILE_DIR set, the server runs under `--cpu-prof` and writes a .cpuprofile there when
 * it stops (open it in Chrome DevTools' Performance panel or speedscope).
 */
export async function startProductionServer(env: Record<string, string>): Promise<ProductionServer> {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("No production build found; building…");
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("build failed");
  }
  const port = await freePort();
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const server = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/run.ts", "start"], {
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (
    let i = 0;
    i < 120 &&
    !(await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false));
    i++
  )
    await new Promise((r) => setTimeout(r, 500));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  return {
    base,
    async stop() {
      server.kill(profileDir ? "SIGINT" : "SIGTERM");
      await exited;
    },
  };
}
