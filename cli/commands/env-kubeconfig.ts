import type { Command } from "commander";
import { parse } from "yaml";
import type { CommandContext } from "../command-context";
import { environmentPath } from "../environment-path";
import { jsonWanted, toJson } from "../json-output";

export function addEnvKubeconfigCommand(env: Command, ctx: CommandContext): void {
  env
    .command("kubeconfig")
    .description(
      "print the cluster's admin kubeconfig (YAML) on stdout: clusterport env kubeconfig NAME > kubeconfig.yaml",
    )
    .argument("<name>", "the environment's name")
    .action(async (name: string, _options: object, command: Command) => {
      const yaml = await ctx.client().text(environmentPath(name, "/kubeconfig"), "application/yaml");
      // The API answers YAML; kubectl reads the same kubeconfig as JSON.
      if (jsonWanted(command)) return ctx.io.out(toJson(parse(yaml)));
      ctx.io.out(yaml);
      if (ctx.io.stdoutTty)
        ctx.io.err(
          `It holds the cluster's admin token: save it to a private file, e.g. clusterport env kubeconfig ${name} > kubeconfig.yaml\n`,
        );
    });
}
