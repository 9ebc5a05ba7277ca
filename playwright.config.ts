import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where it is installed (these machines cannot download Playwright's own);
// elsewhere the browser from `npx playwright install chromium`.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const port = Number(process.env.E2E_PORT ?? 3100);
// Below the ephemeral range (32768+): an outgoing connection can never be holding the port.
const dbPort = Number(process.env.E2E_DB_PORT ?? 25510);
// The example app (examples/poster-app) that e2e/example-app.spec.ts starts: its browser code
// calls the e2e server with customer session tokens, so that origin is allowed (CORS).
const examplePort = Number(process.env.EXAMPLE_PORT ?? port + 100);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `npx tsx scripts/e2e-server.ts ${port} ${dbPort}`,
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { ALLOWED_ORIGINS: `http://localhost:${examplePort}`, EXAMPLE_PORT: String(examplePort) },
  },
});
