import { Command, Option } from "commander";
import { version } from "@/package.json";
import type { CommandContext } from "./command-context";
import { addAddonCommand } from "./commands/addon";
import { addCatalogCommand } from "./commands/catalog";
import { addEnvAutoscalingCommand } from "./commands/env-autoscaling";
import { addEnvCertificateCommand } from "./commands/env-certificate";
import { addEnvCreateCommand } from "./commands/env-create";
import { addEnvDeleteCommand } from "./commands/env-delete";
import { addEnvKubeconfigCommand } from "./commands/env-kubeconfig";
import { addEnvListCommand } from "./commands/env-list";
import { addEnvLogsCommand } from "./commands/env-logs";
import { addEnvRegistryCommand } from "./commands/env-registry";
import { addEnvScaleCommand } from "./commands/env-scale";
import { addEnvStatusCommand } from "./commands/env-status";
import { addEnvStorageCommand } from "./commands/env-storage";
import { addEnvUpgradeCommand } from "./commands/env-upgrade";
import { addLoginCommand } from "./commands/login";
import { addLogoutCommand } from "./commands/logout";
import { exitCodesHelp } from "./exit-codes";

/**
 * The `clusterport` command tree. Settings made here before the subcommands are created are inherited by
 * them: errors thrown instead of exiting (runCli turns them into exit codes) and output through `io`.
 */
export function createProgram(ctx: CommandContext): Command {
  const program = new Command("clusterport")
    .description("Install and manage Clusterport Kubernetes clusters from the command line, through <APP_URL>/api/v1.")
    .version(version)
    .option("--json", jsonHelp)
    // The program's own options (--version, --json) only before the command, so that a command may have its own
    // --version (env upgrade NAME --version 1.37.1); every command takes --json too (withJsonOption).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: ctx.io.out, writeErr: ctx.io.err })
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError("(add --help for usage)")
    .addHelpText(
      "after",
      `
Login is stored in $XDG_CONFIG_HOME/clusterport/config.json (else ~/.config/clusterport/config.json);
CLUSTERPORT_URL and CLUSTERPORT_TOKEN override it.
${exitCodesHelp}`,
    );
  addLoginCommand(program, ctx);
  addLogoutCommand(program, ctx);
  addCatalogCommand(program, ctx);
  const env = program
    .command("env")
    .description(
      "environments: list, create, status, logs, kubeconfig, delete; day-2 changes: scale, upgrade, storage, certificate, registry, autoscaling",
    );
  addEnvListCommand(env, ctx);
  addEnvCreateCommand(env, ctx);
  addEnvStatusCommand(env, ctx);
  addEnvLogsCommand(env, ctx);
  addEnvKubeconfigCommand(env, ctx);
  addEnvDeleteCommand(env, ctx);
  addEnvScaleCommand(env, ctx);
  addEnvUpgradeCommand(env, ctx);
  addEnvStorageCommand(env, ctx);
  addEnvCertificateCommand(env, ctx);
  addEnvRegistryCommand(env, ctx);
  addEnvAutoscalingCommand(env, ctx);
  addAddonCommand(program, ctx);
  withJsonOption(program);
  return program;
}

const jsonHelp = "print the API's JSON on stdout and nothing else (JSON Lines for watch, logs)";

/** --json anywhere after the program's name too: each command's own, kept out of its help (Global Options shows it). */
function withJsonOption(command: Command): void {
  for (const sub of command.commands) {
    sub.addOption(new Option("--json", jsonHelp).hideHelp());
    withJsonOption(sub);
  }
}
