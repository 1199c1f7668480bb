import type { Command } from "commander";
import type { CommandContext } from "../command-context";
import { configFilePath, removeConfigFile } from "../config-file";
import { jsonWanted, toJson } from "../json-output";

export function addLogoutCommand(program: Command, { io }: CommandContext): void {
  program
    .command("logout")
    .description("remove the stored URL and token (the token itself stays valid: revoke it on the Account page)")
    .action((_options: object, command: Command) => {
      const file = configFilePath(io.env);
      const removed = removeConfigFile(io.env);
      if (jsonWanted(command)) return io.out(toJson({ removed, file }));
      io.out(removed ? `Logged out: removed ${file}.\n` : `Not logged in: there is no ${file}.\n`);
    });
}
