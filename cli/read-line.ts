import type { Io } from "./io";

/** The next line of stdin (without its line break), or what is left of it at its end. */
export function readLine(stdin: Io["stdin"]): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    const finish = (line: string) => {
      stdin.off("data", onData);
      stdin.off("end", onEnd);
      // Paused again, so that an open terminal does not keep the process alive.
      stdin.pause();
      resolve(line.replace(/\r$/, ""));
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      const end = text.indexOf("\n");
      if (end >= 0) finish(text.slice(0, end));
    };
    const onEnd = () => finish(text);
    stdin.on("data", onData);
    stdin.on("end", onEnd);
    stdin.resume();
  });
}
