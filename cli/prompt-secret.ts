import type { Io } from "./io";
import { readLine } from "./read-line";

/**
 * Asks for a secret on stderr and reads it from a terminal without echoing it (raw mode, so no keystroke is
 * shown); from a pipe (`echo "$TOKEN" | clusterport login …`) it reads the first line.
 */
export async function promptSecret(io: Pick<Io, "stdin" | "err">, question: string): Promise<string> {
  const { stdin } = io;
  if (!stdin.isTTY || !stdin.setRawMode) return (await readLine(stdin)).trim();
  io.err(question);
  stdin.setRawMode(true);
  const secret = await new Promise<string>((resolve) => {
    let typed = "";
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === "\r" || char === "\n" || char === "\u0004") {
          stdin.off("data", onData);
          resolve(typed);
          return;
        }
        if (char === "\u0003") {
          // Raw mode turns Ctrl-C into a keystroke: give the terminal back, then stop as Ctrl-C would.
          stdin.setRawMode?.(false);
          process.kill(process.pid, "SIGINT");
          return;
        }
        typed = char === "\u007f" || char === "\b" ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on("data", onData);
    stdin.resume();
  });
  stdin.setRawMode(false);
  stdin.pause();
  io.err("\n");
  return secret.trim();
}
