/**
 * Runs `pass` every `intervalMs` in the background of this process (the autoscaler, the webhook delivery loop):
 * passes never overlap — a tick while one runs is skipped — a failed pass is handed to `onError` and the next tick
 * tries again, and `stop()` resolves once the pass under way has ended. The timer keeps no process alive.
 */
export function startPeriodicTask(
  intervalMs: number,
  pass: () => Promise<unknown>,
  onError: (err: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped || busy) return;
    busy = true;
    running = pass()
      .then(() => undefined, onError)
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
