import { Command } from "commander";
import { version } from "@/package.json";
import type { CommandContext } from "./command-context";
import { addAddonCommand } from "./commands/addon";
import { addEnvCreateCommand } from "./commands/env-create";
import { addEnvDeleteCommand } from "./commands/env-delete";
import { addEnvKubeconfigCommand } from "./commands/env-kubeconfig";
import { addEnvListCommand } from "./commands/env-list";
import { addEnvLogsCommand } from "./commands/env-logs";
import { addEnvStatusCommand } from "./commands/env-status";
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
    .option("--json", "print the API's JSON on stdout and nothing else (JSON Lines for watch, logs)")
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
  const env = program.command("env").description("environments: list, create, status, logs, kubeconfig, delete");
  addEnvListCommand(env, ctx);
  addEnvCreateCommand(env, ctx);
  addEnvStatusCommand(env, ctx);
  addEnvLogsCommand(env, ctx);
  addEnvKubeconfigCommand(env, ctx);
  addEnvDeleteCommand(env, ctx);
  addAddonCommand(program, ctx);
  return program;
}
