/**
 * Once per server process, on the Node.js runtime: the pool is closed last on shutdown, after the live feed's
 * listener and the provisioning engine with its worker autoscaler and webhook deliveries (unless
 * ENGINE_IN_PROCESS=false leaves the work to `npm run worker`).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const { onShutdown } = await import("./lib/shutdown");
  const { closeDatabase } = await import("./lib/db/database");
  onShutdown(closeDatabase);
  const { closeFeed } = await import("./lib/live/feed");
  onShutdown(closeFeed);
  if (!env().engine.inProcess) return;
  const { startRunner } = await import("./lib/engine");
  const runner = startRunner("web");
  onShutdown(() => runner.stop());
  const { startAutoscaler } = await import("./lib/autoscaler/start-autoscaler");
  const { database } = await import("./lib/db/database");
  const autoscaler = startAutoscaler({
    pool: database(),
    encryptionKey: env().encryptionKey,
    timeScale: env().engine.timeScale,
  });
  onShutdown(() => autoscaler.stop());
  const { startWebhookDelivery } = await import("./lib/webhooks/start-webhook-delivery");
  const webhooks = startWebhookDelivery({
    pool: database(),
    encryptionKey: env().encryptionKey,
    timeScale: env().engine.timeScale,
    allowPrivate: env().webhooksAllowPrivate,
  });
  onShutdown(() => webhooks.stop());
}
