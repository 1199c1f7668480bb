/**
 * Once per server process, on the Node.js runtime: the pool is closed last on shutdown, after the live feed's
 * listener and the provisioning engine (unless ENGINE_IN_PROCESS=false leaves the work to `npm run worker`).
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
}
