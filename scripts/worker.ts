// `npm run worker`: a provisioning engine process apart from the web server (set ENGINE_IN_PROCESS=false on
// the web server to leave all work to workers). Any number may run, on any number of machines, against one
// database. Without DATABASE_URL it joins the embedded database a local `npm start` runs.
// SIGTERM / Ctrl-C: stop claiming, finish or hand back the steps in flight, close the pool, exit.
import path from "node:path";
import { checkDatabase } from "@/lib/db/describe-database-error";
import { DatabaseStartError, findRunningEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { ConfigError } from "@/lib/env";

async function main() {
  if (!process.env.DATABASE_URL?.trim()) {
    const dataDir = path.resolve(process.env.DATA_DIR?.trim() || "data");
    const running = findRunningEmbeddedPostgres(path.join(dataDir, "postgres"));
    if (!running)
      throw new ConfigError(
        "No database: start the app first (npm start runs its embedded PostgreSQL), or set DATABASE_URL.",
      );
    process.env.DATABASE_URL = running.url;
  }
  await checkDatabase(process.env.DATABASE_URL!.trim());
  const { env } = await import("@/lib/env");
  const config = env();
  await migrate(config.databaseUrl);
  const { startRunner } = await import("@/lib/engine");
  const { closeDatabase } = await import("@/lib/db/database");
  const runner = startRunner("worker");
  const { startAutoscaler } = await import("@/lib/autoscaler/start-autoscaler");
  const { database } = await import("@/lib/db/database");
  const autoscaler = startAutoscaler({
    pool: database(),
    encryptionKey: config.encryptionKey,
    timeScale: config.engine.timeScale,
  });
  const { startWebhookDelivery } = await import("@/lib/webhooks/start-webhook-delivery");
  const webhooks = startWebhookDelivery({
    pool: database(),
    encryptionKey: config.encryptionKey,
    timeScale: config.engine.timeScale,
    allowPrivate: config.webhooksAllowPrivate,
  });
  console.log(`Clusterport worker ${runner.owner} is running; Ctrl-C stops it after the steps in flight.`);
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void Promise.all([runner.stop(), autoscaler.stop(), webhooks.stop()])
        .then(closeDatabase)
        .finally(() => process.exit(0));
    });
  }
}

main().catch((e: unknown) => {
  const message =
    e instanceof DatabaseStartError || e instanceof ConfigError || e instanceof Error ? e.message : String(e);
  console.error(`✖ ${message}`);
  process.exit(1);
});
