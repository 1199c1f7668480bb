import type { Command } from "commander";
import { ApiClient } from "../api-client";
import type { Account } from "../api-types";
import { CliError } from "../cli-error";
import type { CommandContext } from "../command-context";
import { writeConfigFile } from "../config-file";
import { exitCodes } from "../exit-codes";
import { jsonWanted, toJson } from "../json-output";
import { parseAppUrl } from "../parse-app-url";
import { promptSecret } from "../prompt-secret";

export function addLoginCommand(program: Command, { io }: CommandContext): void {
  program
    .command("login")
    .description("check an API token against the app and store both in the config file")
    .option("--url <APP_URL>", "the app's address, e.g. http://localhost:3000 (default: $CLUSTERPORT_URL)")
    .option("--token <cp_…>", "an API token (default: $CLUSTERPORT_TOKEN, else asked for without echo)")
    .action(async (options: { url?: string; token?: string }, command: Command) => {
      const rawUrl = options.url ?? io.env.CLUSTERPORT_URL;
      if (!rawUrl) throw new CliError("Give the app's address: clusterport login --url <APP_URL>.", exitCodes.usage);
      const url = parseAppUrl(rawUrl);
      const token =
        options.token?.trim() ||
        io.env.CLUSTERPORT_TOKEN?.trim() ||
        (await promptSecret(io, "API token (cp_…, from the Account page): "));
      if (!token)
        throw new CliError(
          "No token given: create one on the Account page, then pass it with --token or paste it when asked.",
          exitCodes.usage,
        );
      const account = await new ApiClient({ url, token }, io).json<Account>("GET", "/account");
      const file = writeConfigFile(io.env, { url, token });
      if (jsonWanted(command)) return io.out(toJson(account));
      io.out(
        `Logged in to ${url} as ${account.name} <${account.email}> (${account.plan.name} plan, ${account.via}).\n`,
      );
      io.err(`Saved in ${file}.\n`);
    });
}
