import type { Command } from "commander";
import type { OperationAccepted } from "../api-types";
import { CliError } from "../cli-error";
import type { CommandContext } from "../command-context";
import { environmentPath } from "../environment-path";
import { exitCodes } from "../exit-codes";
import { jsonWanted, toJson } from "../json-output";
import { readLine } from "../read-line";

export function addEnvDeleteCommand(env: Command, ctx: CommandContext): void {
  env
    .command("delete")
    .description("tear an environment's cluster down (asks first on a terminal)")
    .argument("<name>", "the environment's name")
    .option("-y, --yes", "do not ask; required when stdin is not a terminal")
    .action(async (name: string, options: { yes?: boolean }, command: Command) => {
      const client = ctx.client();
      if (!options.yes) {
        // A script has nobody to answer: it must say --yes rather than hang or delete unasked.
        if (!ctx.io.stdin.isTTY)
          throw new CliError(
            `Not deleting ${name} without --yes: stdin is not a terminal to confirm on.`,
            exitCodes.usage,
          );
        ctx.io.err(`Delete ${name} and tear its cluster down? [y/N] `);
        const answer = (await readLine(ctx.io.stdin)).trim().toLowerCase();
        if (answer !== "y" && answer !== "yes")
          throw new CliError(`Not confirmed: ${name} was not deleted.`, exitCodes.failed);
      }
      const accepted = await client.json<OperationAccepted>("DELETE", environmentPath(name));
      if (jsonWanted(command)) return ctx.io.out(toJson(accepted));
      ctx.io.out(`Deleting ${name}. Follow it with: clusterport env status ${name} --watch\n`);
    });
}
