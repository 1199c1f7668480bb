import path from "node:path";
import type { Command } from "commander";
import type { EnvironmentDetail } from "../api-types";
import type { CommandContext } from "../command-context";
import { jsonWanted, toJson } from "../json-output";
import { readSettingsFile } from "../read-settings-file";

export function addEnvCreateCommand(env: Command, ctx: CommandContext): void {
  env
    .command("create")
    .description("install a cluster with the settings of a YAML or JSON file (checked before anything is sent)")
    .requiredOption(
      "-f, --file <settings.yaml>",
      "the install settings: name and region at least; the rest default as in the install dialog",
    )
    .action(async (options: { file: string }, command: Command) => {
      const body = readSettingsFile(path.resolve(options.file));
      const created = await ctx.client().json<EnvironmentDetail>("POST", "/environments", body);
      if (jsonWanted(command)) return ctx.io.out(toJson(created));
      ctx.io.out(
        `Created ${created.name} (${created.status}) in ${created.region.name}. Follow it with: clusterport env status ${created.name} --watch\n`,
      );
    });
}
