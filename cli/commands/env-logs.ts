import type { Command } from "commander";
import type { EnvironmentStatus, LogLine, Page } from "../api-types";
import type { CommandContext } from "../command-context";
import { environmentPath } from "../environment-path";
import { jsonWanted } from "../json-output";
import { isSettled } from "../watch-status";

type LogPage = Page<LogLine> & { lastCursor: string };

export function addEnvLogsCommand(env: Command, ctx: CommandContext): void {
  env
    .command("logs")
    .description("print an environment's install and operation log: time level node step message")
    .argument("<name>", "the environment's name")
    .option("-f, --follow", "keep printing new lines every second until interrupted or the environment settles")
    .action(async (name: string, options: { follow?: boolean }, command: Command) => {
      const json = jsonWanted(command);
      const client = ctx.client();
      let cursor: string | undefined;
      for (;;) {
        // Asked before reading the log, so that the lines written up to a final state are all read before stopping.
        const settled = options.follow
          ? isSettled((await client.json<EnvironmentStatus>("GET", environmentPath(name, "/status"))).status)
          : true;
        for (;;) {
          const page: LogPage = await client.json(
            "GET",
            environmentPath(name, `/logs${cursor === undefined ? "" : `?cursor=${encodeURIComponent(cursor)}`}`),
          );
          for (const line of page.items)
            ctx.io.out(
              json
                ? `${JSON.stringify(line)}\n`
                : `${line.at} ${line.level.padEnd(5)} ${line.node ?? "-"} ${line.step ?? "-"} ${line.message}\n`,
            );
          // lastCursor is where the log ends now: the next page while nextCursor says there is one, else where to follow from.
          cursor = page.lastCursor;
          if (page.nextCursor === null) break;
        }
        if (settled) return;
        await ctx.io.sleep(1000);
      }
    });
}
