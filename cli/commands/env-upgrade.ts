import type { Command } from "commander";
import { upgradeChange } from "@/lib/changes/upgrade/definition";
import type { CommandContext } from "../command-context";
import { changeOptions, runChange, type ChangeOptions } from "../run-change";

export function addEnvUpgradeCommand(env: Command, ctx: CommandContext): void {
  changeOptions(
    env
      .command("upgrade")
      .description(
        "upgrade a running cluster's Kubernetes to the latest patch of its minor or to the next minor (control planes, then workers, one at a time)",
      )
      .argument("<name>", "the environment's name")
      .requiredOption(
        "--version <x.y.z>",
        "the version to upgrade to, e.g. 1.37.1 (clusterport catalog lists them; the server says which this cluster can take)",
      ),
  ).action(async (name: string, options: ChangeOptions & { version: string }, command: Command) => {
    await runChange(ctx, command, name, upgradeChange, { version: options.version.replace(/^v/, "") }, options);
  });
}
