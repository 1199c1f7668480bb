import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { findRunningEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { installViaApi, signUpViaApi } from "./support";

/**
 * The server loses its live-feed connection to the database (as in a failover) while a page watches an install:
 * the page says it is reconnecting, then shows the install through to Running with every step, nothing missed.
 */
test("a page shows that the server is reconnecting to its database, then catches up", async ({ page }) => {
  test.setTimeout(90_000);
  const database = findRunningEmbeddedPostgres(path.resolve(__dirname, "..", ".e2e", "postgres"));
  expect(database).toBeDefined();
  const admin = new pg.Client({ connectionString: database!.url });
  await admin.connect();
  try {
    await signUpViaApi(page.request);
    const name = `outage-${Date.now().toString(36)}`;
    expect((await installViaApi(page.request, { name, region: "eu-central" })).status()).toBe(201);
    await page.goto(`/environments/${name}`);
    const indicator = page.getByRole("status").filter({ hasText: /^(Live|Connecting…|Reconnecting…)$/ });
    await expect(indicator).toHaveText("Live");

    // Keep cutting the server's listening connection for two seconds.
    const cut = async () =>
      admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'clusterport-listen' AND datname = current_database()`,
      );
    const until = Date.now() + 2_000;
    const cutting = (async () => {
      while (Date.now() < until) {
        await cut();
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await expect(indicator).toHaveText("Reconnecting…");
    await cutting;

    await expect(indicator).toHaveText("Live", { timeout: 20_000 });
    await expect(page.getByRole("status", { name: "Environment status" })).toHaveText("Running", { timeout: 60_000 });
    // The whole install is shown, every log line included: nothing was lost while the feed was down.
    await expect(page.getByRole("progressbar", { name: "Install progress" })).toHaveAttribute("aria-valuenow", "100");
    const { rows } = await admin.query<{ logSeq: string }>(`SELECT "logSeq" FROM environment WHERE name = $1`, [name]);
    const lines = Number(rows[0]!.logSeq);
    expect(lines).toBeGreaterThan(10);
    await expect(page.getByText(`${lines} lines`, { exact: true })).toBeVisible();
  } finally {
    await admin.end();
  }
});
