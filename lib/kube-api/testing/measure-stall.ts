/**
 * Runs `work` while a 10 ms timer probes the event loop, as `/api/health` beside a hostile request would: the
 * longest the loop was held (ms past the timer's due time) is what every other request of the process waited.
 */
export async function measureStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  const tick = 10;
  let last = performance.now();
  let stallMs = 0;
  const probe = () => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last - tick);
    last = now;
  };
  const timer = setInterval(probe, tick);
  try {
    const result = await work();
    probe();
    return { result, stallMs };
  } finally {
    clearInterval(timer);
  }
}
