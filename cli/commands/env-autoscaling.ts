import type { Command } from "commander";
import { autoscalingChange } from "@/lib/changes/autoscaling/definition";
import { CliError } from "../cli-error";
import type { CommandContext } from "../command-context";
import { exitCodes } from "../exit-codes";
import { parseNumberOption } from "../parse-number-option";
import { changeOptions, runChange, type ChangeOptions } from "../run-change";

type Options = ChangeOptions & { on?: boolean; off?: boolean; min?: string; max?: string };

export function addEnvAutoscalingCommand(env: Command, ctx: CommandContext): void {
  changeOptions(
    env
      .command("autoscaling")
      .description(
        "turn worker autoscaling on with a range (workers are added for pods waiting for room, removed when idle), or off",
      )
      .argument("<name>", "the environment's name")
      .option("--on", "turn it on (or change its range): needs --min and --max")
      .option("--off", "turn it off; the workers stay as they are")
      .option("--min <count>", "the fewest workers it keeps")
      .option("--max <count>", "the most workers it adds up to"),
  ).action(async (name: string, options: Options, command: Command) => {
    if (options.on === options.off) throw new CliError("Give --on (with --min and --max) or --off.", exitCodes.usage);
    if (options.off && (options.min !== undefined || options.max !== undefined))
      throw new CliError("--off takes no range: leave out --min and --max.", exitCodes.usage);
    if (options.on && (options.min === undefined || options.max === undefined))
      throw new CliError("--on needs the range: --min <count> --max <count>.", exitCodes.usage);
    const body = options.on
      ? { enabled: true, minWorkers: parseNumberOption(options.min), maxWorkers: parseNumberOption(options.max) }
      : { enabled: false };
    await runChange(ctx, command, name, autoscalingChange, body, options);
  });
}
