import { CliError } from "./cli-error";
import { readConfigFile, type Config } from "./config-file";
import { exitCodes } from "./exit-codes";
import type { Io } from "./io";
import { parseAppUrl } from "./parse-app-url";

/**
 * The app and token to call: CLUSTERPORT_URL and CLUSTERPORT_TOKEN (for CI) each override what
 * `clusterport login` stored; the file is not read when both are set.
 */
export function resolveCredentials(env: Io["env"]): Config {
  const fromEnv = { url: env.CLUSTERPORT_URL?.trim() || undefined, token: env.CLUSTERPORT_TOKEN?.trim() || undefined };
  const stored = fromEnv.url && fromEnv.token ? undefined : readConfigFile(env);
  const url = fromEnv.url ?? stored?.url;
  const token = fromEnv.token ?? stored?.token;
  if (!url || !token) {
    throw new CliError(
      "Not logged in: run `clusterport login --url <APP_URL>` (or set CLUSTERPORT_URL and CLUSTERPORT_TOKEN).",
      exitCodes.auth,
    );
  }
  return { url: parseAppUrl(url), token };
}
