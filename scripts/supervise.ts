// Keeps the web server running under `npm start`: a server that dies (out of memory, a crash Node could not
// survive) is started again, at most once a second, and the terminal says so. A server that stops by itself with
// exit code 0 (it was told to stop) is not restarted. One that keeps dying right after starting has a fault a
// restart will not fix (a port in use, a broken build): after `maxQuickCrashes` such deaths in a row supervision
// gives up and `npm start` exits with the server's code.

/** The part of a child process supervision uses. */
export type Child = {
  kill(signal: NodeJS.Signals): void;
  once(event: "exit", listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
};

export type SuperviseOptions = {
  start: () => Child;
  log: (line: string) => void;
  /** Called once, when supervision ends: after stop(), a clean exit of the server, or giving up. */
  exit: (code: number) => void;
  now?: () => number;
  after?: (ms: number, run: () => void) => void;
  /** The shortest time between two starts. */
  minIntervalMs?: number;
  /** A death within this long after its start counts as a quick crash. */
  quickCrashMs?: number;
  maxQuickCrashes?: number;
};

export type Supervisor = {
  /** Stops the server (SIGTERM) and ends supervision when it has exited. */
  stop(): void;
  readonly restarts: number;
};

export function supervise(options: SuperviseOptions): Supervisor {
  const now = options.now ?? Date.now;
  const after = options.after ?? ((ms, run) => void setTimeout(run, ms));
  const minInterval = options.minIntervalMs ?? 1000;
  const quickCrash = options.quickCrashMs ?? 10_000;
  const maxQuickCrashes = options.maxQuickCrashes ?? 5;
  let child: Child | undefined;
  let startedAt = 0;
  let stopping = false;
  let ended = false;
  let quickCrashes = 0;
  let restarts = 0;

  const end = (code: number) => {
    if (ended) return;
    ended = true;
    options.exit(code);
  };

  const launch = () => {
    if (stopping) return end(0);
    startedAt = now();
    const current = options.start();
    child = current;
    current.once("exit", (code, signal) => {
      child = undefined;
      if (stopping || code === 0) return end(code ?? 0);
      const ranFor = now() - startedAt;
      quickCrashes = ranFor < quickCrash ? quickCrashes + 1 : 0;
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      if (quickCrashes >= maxQuickCrashes) {
        options.log(
          `✖ The web server ${how}, ${quickCrashes} times in a row within ${Math.round(quickCrash / 1000)} s of starting: giving up (see the messages above).`,
        );
        return end(code ?? 1);
      }
      const wait = Math.max(0, minInterval - ranFor);
      restarts += 1;
      options.log(
        `⚠ The web server ${how} after ${formatDuration(ranFor)}; restarting it${wait > 0 ? ` in ${formatDuration(wait)}` : ""} (restart ${restarts}).`,
      );
      after(wait, launch);
    });
  };

  launch();
  return {
    stop() {
      if (stopping) return;
      stopping = true;
      if (child) child.kill("SIGTERM");
      // Between a death and its restart there is no child: launch() sees `stopping` and ends.
    },
    get restarts() {
      return restarts;
    },
  };
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
