import fs from "node:fs";
import { parse } from "yaml";
import { parseInstallBody } from "@/lib/validations/install-body";
import { CliError } from "./cli-error";
import { exitCodes } from "./exit-codes";

/**
 * Install settings from a YAML or JSON file (YAML's parser reads JSON as well), checked as the server checks
 * them (parseInstallBody: the API's install body schema, then the dialog's defaults and the rules across fields),
 * so that every mistake — a key that is not a setting too — is told field by field before any request. The
 * answer is what the file says, sent as it is (the server fills the same defaults).
 */
export function readSettingsFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new CliError(`Cannot read ${file}: ${(e as Error).message}`, exitCodes.usage);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new CliError(`${file} is not valid YAML or JSON: ${(e as Error).message}`, exitCodes.usage);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new CliError(
      `${file} must hold the settings as a mapping, at least: name: <name> and region: <region id>.`,
      exitCodes.usage,
    );
  }
  const checked = parseInstallBody(data);
  if (!checked.success) {
    const errors = Object.entries(checked.errors).map(([field, message]) => `${field}: ${message}`);
    throw new CliError(`The settings in ${file} are not valid:`, exitCodes.usage, errors);
  }
  return data as Record<string, unknown>;
}
