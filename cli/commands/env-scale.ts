import type { Command } from "commander";
import { scaleWorkersChange } from "@/lib/changes/scale-workers/definition";
import type { CommandContext } from "../command-context";
import { parseNumberOption } from "../parse-number-option";
import { changeOptions, runChange, type ChangeOptions } from "../run-change";

export function addEnvScaleCommand(env: Command, ctx: CommandContext): void {
  changeOptions(
    env
      .command("scale")
      .description(
        "scale a running cluster's workers out (new workers join) or in (the newest, or those named, are drained and removed)",
      )
      .argument("<name>", "the environment's name")
      .requiredOption("--workers <count>", "the number of workers wanted")
      .option(
        "--remove <node-id...>",
        "when scaling in, the workers to remove by node id (e.g. cp-2, or cp-2,cp-3); default the newest",
      ),
  ).action(async (name: string, options: ChangeOptions & { workers: string; remove?: string[] }, command: Command) => {
    const remove = options.remove
      ?.flatMap((ids) => ids.split(","))
      .map((id) => id.trim())
      .filter((id) => id !== "");
    const body = { workers: parseNumberOption(options.workers), ...(remove ? { remove } : {}) };
    await runChange(ctx, command, name, scaleWorkersChange, body, options);
  });
}
