/**
 * Graceful shutdown across the two halves of the web server process: Next.js's bundle (where the engine's
 * runner, the live feed and the pool are created) registers what must be stopped; scripts/serve.ts, outside
 * the bundle, runs it on SIGTERM after it stopped accepting connections. They share only globalThis.
 */
type Hook = () => Promise<void>;
const holder = globalThis as unknown as { __clusterportShutdown?: Hook[] };

export function onShutdown(hook: Hook): void {
  (holder.__clusterportShutdown ??= []).push(hook);
}

/** Runs every hook, newest first (the pool, registered first, closes last); errors are reported, not thrown. */
export async function runShutdownHooks(report: (e: unknown) => void = () => {}): Promise<void> {
  const hooks = holder.__clusterportShutdown ?? [];
  holder.__clusterportShutdown = [];
  for (const hook of hooks.reverse()) {
    try {
      await hook();
    } catch (e) {
      report(e);
    }
  }
}
