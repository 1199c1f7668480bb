import type { ApiClient } from "./api-client";
import type { EnvironmentStatus } from "./api-types";
import { CliError } from "./cli-error";
import { environmentPath } from "./environment-path";
import { exitCodes } from "./exit-codes";
import type { Io } from "./io";
import { progressKey, renderProgressBar } from "./progress-bar";

/** Statuses an operation is under way in; any other is where the environment settles. */
const inProgress: ReadonlySet<string> = new Set(["queued", "installing", "updating", "cancelling", "deleting"]);

export const isSettled = (status: string) => !inProgress.has(status);

/**
 * Polls an environment's status every second until it settles, showing the progress with the time elapsed and
 * left: the bar redrawn in place on a terminal (the clock ticking), else a line each time the progress changes
 * (the clock alone is no change, nor a line a second); with `json`, each changed status as a line of JSON.
 * Returns the settled status.
 */
export async function watchStatus(
  client: ApiClient,
  name: string,
  io: Io,
  json: boolean,
  intervalMs = 1000,
): Promise<EnvironmentStatus> {
  let shown = "";
  let shownWaits = "";
  for (;;) {
    const status = await client.json<EnvironmentStatus>("GET", environmentPath(name, "/status"));
    const settled = isSettled(status.status);
    const line = json ? JSON.stringify(status) : renderProgressBar(status);
    const key = progressKey(status);
    // A step waiting between attempts says why and what to do (a certificate waiting for its DNS record): told on
    // stderr once each time the reason changes, above the bar.
    const waits = (status.waiting ?? []).map(describeWait);
    if (!json && waits.join("\n") !== shownWaits && waits.length > 0)
      io.err(`${io.stdoutTty ? "\r\x1b[2K" : ""}${waits.join("\n")}\n`);
    shownWaits = waits.join("\n");
    if (!json && io.stdoutTty) {
      // \r and "erase line" redraw in place; a line wider than the terminal would wrap and break that.
      io.out(`\r\x1b[2K${line.slice(0, Math.max(10, io.columns - 1))}${settled ? "\n" : ""}`);
    } else if (key !== shown) {
      io.out(`${line}\n`);
    }
    shown = key;
    if (settled) return status;
    await io.sleep(intervalMs);
  }
}

/**
 * What a settled status means for a script: running (with its last operation not failed) or deleted is
 * success; anything else throws a CliError with exit 1 saying what failed and who can fix it. A failed day-2
 * change leaves the cluster running, so the operation's own status is checked too.
 */
export function assertSucceeded(status: EnvironmentStatus): string {
  const operation = status.operation;
  const failed = status.status === "failed" || operation?.status === "failed";
  if (!failed && (status.status === "running" || status.status === "deleted"))
    return `${status.name} is ${status.status}.`;
  if (status.status === "cancelled")
    throw new CliError(`The install of ${status.name} was cancelled.`, exitCodes.failed);
  const error = operation?.error;
  const what = `${operation ? `The ${operation.type} of ${status.name}` : status.name} ${failed ? "failed" : `ended ${status.status}`}`;
  if (!error) throw new CliError(`${what}.`, exitCodes.failed);
  const who =
    error.fixableBy === "user" ? "You can fix this" : "This is on Clusterport's side (the platform team fixes it)";
  throw new CliError(`${what} at step "${error.step}": ${error.message}`, exitCodes.failed, [
    `${who}: ${error.action}`,
  ]);
}

/** "Waiting for you: <why> (<what to do>)", or for the platform when it is Clusterport's to fix. */
export function describeWait(wait: EnvironmentStatus["waiting"][number]): string {
  const action = wait.action && !wait.message.includes(wait.action) ? ` ${wait.action}` : "";
  return `${wait.fixableBy === "user" ? "Waiting for you" : "Waiting"} · ${wait.step}: ${wait.message}${action}`;
}
