/**
 * Time, injected (house rule 6). Step durations and backoffs are in simulated milliseconds; `scale` turns them
 * into the clock's own milliseconds: a real clock with ENGINE_TIME_SCALE 0.2 runs a 90 s step in 18 s, and
 * scale 0 makes everything instant.
 */
export type Clock = {
  now(): Date;
  /** Waits `ms` of this clock's time. */
  sleep(ms: number): Promise<void>;
  /** Simulated milliseconds → this clock's milliseconds. */
  scale(simulatedMs: number): number;
  /**
   * Marks `work` (a database round trip, say) as in progress until it settles. A virtual clock does not move
   * while work is in progress; a real one ignores this.
   */
  busy<T>(work: Promise<T>): Promise<T>;
};

export function realClock(timeScale: number): Clock {
  return {
    now: () => new Date(),
    sleep: (ms) => (ms <= 0 ? new Promise((r) => setImmediate(r)) : new Promise((r) => setTimeout(r, ms))),
    scale: (ms) => Math.round(ms * timeScale),
    busy: (work) => work,
  };
}

/**
 * A virtual clock for tests and benchmarks: time only moves when every waiter is asleep and no work is in
 * progress, then jumps to the earliest wake-up. Parallel steps therefore overlap exactly as they would in
 * real time, instantly — even though each of them waits for the database in between.
 */
export function virtualClock(start = new Date("2026-01-01T00:00:00.000Z")): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  const timers: { at: number; resolve: () => void }[] = [];
  let scheduled = false;
  let working = 0;
  const tick = () => {
    scheduled = false;
    if (timers.length === 0 || working > 0) return;
    timers.sort((a, b) => a.at - b.at);
    const next = timers[0]!.at;
    now = Math.max(now, next);
    while (timers.length > 0 && timers[0]!.at <= now) timers.shift()!.resolve();
    // Waiters woken now may go back to sleep or not; either way the remaining timers must still fire.
    if (timers.length > 0) schedule();
  };
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    // setImmediate twice: let synchronous work and promise chains settle before time jumps.
    setImmediate(() => setImmediate(tick));
  }
  return {
    now: () => new Date(now),
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        timers.push({ at: now + Math.max(0, ms), resolve });
        schedule();
      }),
    scale: (ms) => ms,
    advance: (ms) => {
      now += ms;
      schedule();
    },
    async busy(work) {
      working += 1;
      try {
        return await work;
      } finally {
        working -= 1;
        if (working === 0) schedule();
      }
    },
  };
}
