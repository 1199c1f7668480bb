import { CommanderError } from "commander";
import { CliError } from "./cli-error";
import { commandContext } from "./command-context";
import { createProgram } from "./create-program";
import { exitCodes } from "./exit-codes";
import type { Io } from "./io";

/** Runs one command line and answers its exit code, having told any error on stderr. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  try {
    await createProgram(commandContext(io)).parseAsync([...argv], { from: "user" });
    return exitCodes.ok;
  } catch (e) {
    // Commander has printed its message (or the help, or the version: exit code 0) already.
    if (e instanceof CommanderError) return e.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    if (e instanceof CliError) {
      io.err(`error: ${e.message}\n${e.details.map((d) => `  ${d}\n`).join("")}`);
      return e.exitCode;
    }
    io.err(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return exitCodes.failed;
  }
}
