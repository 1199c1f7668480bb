import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// Debian's Chromium when present (Playwright cannot download browsers here), else Playwright's own.
const executablePath =
  process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 1000 } } }],
  webServer: {
    // The same path as `npm start` (an embedded PostgreSQL under .e2e/), on a fresh database of its own; builds
    // only if the sources changed.
    command: "node --import tsx scripts/start.ts --fresh",
    url: `${baseURL}/sign-in`,
    timeout: 600_000,
    reuseExistingServer: false,
    // Without it Playwright SIGKILLs the server, leaving the embedded PostgreSQL running after the suite.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: ".e2e",
      SIGN_IN_FREE_FAILURES: "3",
      SIGN_IN_FIRST_DELAY_SECONDS: "60",
      // Journeys stand for clients on different networks by sending X-Forwarded-For, as a proxy would.
      TRUSTED_PROXY_HOPS: "1",
      FAULT_INJECTION: "true",
      // The webhook journey's receiver listens on 127.0.0.1: private addresses are allowed for local testing.
      WEBHOOKS_ALLOW_PRIVATE: "true",
      // Installs take seconds instead of a minute; the journeys still watch them move through every state.
      ENGINE_TIME_SCALE: "0.02",
      LOG_LEVEL: "warn",
    },
  },
});
