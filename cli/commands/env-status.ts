import type { Command } from "commander";
import type { EnvironmentStatus } from "../api-types";
import type { CommandContext } from "../command-context";
import { environmentPath } from "../environment-path";
import { jsonWanted, toJson } from "../json-output";
import { renderProgressBar } from "../progress-bar";
import { assertSucceeded, describeWait, watchStatus } from "../watch-status";

export function addEnvStatusCommand(env: Command, ctx: CommandContext): void {
  env
    .command("status")
    .description("show an environment's status and progress")
    .argument("<name>", "the environment's name")
    .option(
      "-w, --watch",
      "follow the progress until the environment settles; exit 0 when it ends running (or deleted), 1 when it fails",
    )
    .action(async (name: string, options: { watch?: boolean }, command: Command) => {
      const json = jsonWanted(command);
      const client = ctx.client();
      if (options.watch) {
        const message = assertSucceeded(await watchStatus(client, name, ctx.io, json));
        if (!json) ctx.io.out(`${message}\n`);
        return;
      }
      const status = await client.json<EnvironmentStatus>("GET", environmentPath(name, "/status"));
      ctx.io.out(json ? toJson(status) : describeStatus(status));
    });
}

function describeStatus(s: EnvironmentStatus): string {
  const rows: [string, string][] = [
    ["Name", s.name],
    ["Status", s.status],
  ];
  if (s.operation)
    rows.push([
      "Operation",
      `${s.operation.type} (${s.operation.status})${s.operation.summary ? `: ${s.operation.summary}` : ""}`,
    ]);
  rows.push(["Progress", renderProgressBar(s)]);
  const error = s.operation?.error;
  if (error)
    rows.push(["Error", `step "${error.step}": ${error.message} (fixable by ${error.fixableBy}: ${error.action})`]);
  for (const wait of s.waiting ?? []) rows.push(["Waiting", describeWait(wait)]);
  for (const [key, value] of Object.entries(s.endpoints ?? {})) rows.push([key, String(value)]);
  const width = Math.max(...rows.map(([key]) => key.length));
  return rows.map(([key, value]) => `${key.padEnd(width)}  ${value}\n`).join("");
}
