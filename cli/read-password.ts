import { CliError } from "./cli-error";
import { exitCodes } from "./exit-codes";
import type { Io } from "./io";
import { promptSecret } from "./prompt-secret";

/** All of stdin, to its end. */
function readAll(stdin: Io["stdin"]): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    stdin.on("data", (chunk: Buffer | string) => void (text += chunk.toString()));
    stdin.once("end", () => resolve(text));
    stdin.once("error", reject);
    stdin.resume();
  });
}

/**
 * A password, never from the command line (where `ps` and the shell's history would keep it) and never echoed:
 * with `--password-stdin` all of a piped stdin less its final line break (as `docker login --password-stdin`),
 * else asked on the terminal without echo. A script without --password-stdin has nobody to ask: exit 2.
 */
export async function readPassword(
  io: Pick<Io, "stdin" | "err">,
  fromStdin: boolean,
  question: string,
): Promise<string> {
  if (io.stdin.isTTY) return promptSecret(io, question);
  if (!fromStdin) {
    throw new CliError(
      'No password: pipe it with --password-stdin (e.g. printf %s "$TOKEN" | clusterport env registry set …), or run this on a terminal to be asked.',
      exitCodes.usage,
    );
  }
  return (await readAll(io.stdin)).replace(/\r?\n$/, "");
}
