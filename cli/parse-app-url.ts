import { CliError } from "./cli-error";
import { exitCodes } from "./exit-codes";

/** The app's address as given (`--url`, CLUSTERPORT_URL), checked and without a trailing slash. */
export function parseAppUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    url = new URL("invalid:");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliError(
      `"${raw}" is not the app's address: give its http:// or https:// URL, e.g. http://localhost:3000.`,
      exitCodes.usage,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
