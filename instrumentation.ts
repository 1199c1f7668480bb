/** Starts the provisioning engine once per server process, on the Node.js runtime only. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  if (!env().engine.inProcess) return;
  const { startRunner } = await import("./lib/engine/start-runner");
  startRunner("web");
}
