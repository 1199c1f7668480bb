import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "@/lib/validations/zod";
import { CliError } from "./cli-error";
import { exitCodes } from "./exit-codes";
import type { Io } from "./io";

/** What `clusterport login` keeps: the app's URL and an API token. */
export type Config = { url: string; token: string };

const configSchema = z.object({ url: z.string().min(1), token: z.string().min(1) });

/**
 * The XDG location on every OS (macOS and Windows included, where ~/.config works as well and is where
 * command-line tools' users look): $XDG_CONFIG_HOME/clusterport/config.json, else ~/.config/clusterport/config.json.
 * A relative XDG_CONFIG_HOME is ignored, as the XDG spec says.
 */
export function configFilePath(env: Io["env"]): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), ".config");
  return path.join(base, "clusterport", "config.json");
}

/** The stored config, or undefined when there is none. */
export function readConfigFile(env: Io["env"]): Config | undefined {
  const file = configFilePath(env);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new CliError(`Cannot read ${file}: ${(e as Error).message}`, exitCodes.usage);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const config = configSchema.safeParse(parsed);
  if (!config.success)
    throw new CliError(
      `${file} is not a clusterport config file: run \`clusterport logout\`, then \`clusterport login\`.`,
      exitCodes.usage,
    );
  return config.data;
}

/**
 * Stores the config readable by its owner only (0600, in a 0700 directory): the token acts as the account.
 * Written to a temporary file first and renamed, so a crash never leaves half a file.
 */
export function writeConfigFile(env: Io["env"], config: Config): string {
  const file = configFilePath(env);
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode does not apply to a directory that already existed (or is narrowed by the umask only).
  fs.chmodSync(dir, 0o700);
  const temporary = `${file}.${process.pid}.tmp`;
  // Created anew, so that the token is never written into a file others could already read.
  fs.rmSync(temporary, { force: true });
  fs.writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  // The umask may narrow the mode further; the owner must still read and write it.
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);
  return file;
}

/** Removes the stored config; false when there was none. */
export function removeConfigFile(env: Io["env"]): boolean {
  const file = configFilePath(env);
  if (!fs.existsSync(file)) return false;
  fs.rmSync(file);
  return true;
}
