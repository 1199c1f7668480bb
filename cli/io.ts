import type { Readable } from "node:stream";

/** The CLI's outside world, passed in so that tests can run commands without a terminal or a server. */
export type Io = {
  /** Command output: what a script reads (`--json` prints only JSON here). */
  out(text: string): void;
  /** Messages, prompts and errors. */
  err(text: string): void;
  /** Whether stdout is a terminal (the progress bar redraws in place only there), and its width. */
  stdoutTty: boolean;
  columns: number;
  stdin: Readable & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
  now(): Date;
};

export function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    stdoutTty: process.stdout.isTTY === true,
    columns: process.stdout.columns ?? 80,
    stdin: process.stdin,
    env: process.env,
    fetch: globalThis.fetch,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => new Date(),
  };
}
