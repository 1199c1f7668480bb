import type { Command } from "commander";

/** `--json`, a program option that may be given before or after the command. */
export function jsonWanted(command: Command): boolean {
  return command.optsWithGlobals<{ json?: boolean }>().json === true;
}

/** Pretty-printed JSON for stdout. */
export const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
