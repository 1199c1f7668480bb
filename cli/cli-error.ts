import type { ExitCode } from "./exit-codes";

/** An error the CLI reports in words on stderr and exits with: a one-line message, then e.g. field errors. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
