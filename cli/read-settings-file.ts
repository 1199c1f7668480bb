import fs from "node:fs";
import { parse } from "yaml";
import { fieldErrorsFromIssues } from "@/lib/errors";
import { installSettingsFields, installSettingsSchema, withInstallDefaults } from "@/lib/validations/install-settings";
import { CliError } from "./cli-error";
import { exitCodes } from "./exit-codes";

/**
 * Install settings from a YAML or JSON file (YAML's parser reads JSON as well), checked as the server checks
 * them — the dialog's defaults filled in, then `installSettingsSchema` — so that every mistake is told field by
 * field before any request. `body` is what the file says, sent as it is (the server fills the same defaults);
 * `ignored` names the top-level fields that are not settings, which the API would drop without a word.
 */
export function readSettingsFile(file: string): { body: Record<string, unknown>; ignored: string[] } {
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
    throw new CliError(`${file} must hold the settings as a mapping, at least: name: <name> and region: <region id>.`, exitCodes.usage);
  }
  const settings = installSettingsSchema.safeParse(withInstallDefaults(data));
  if (!settings.success) {
    const errors = Object.entries(fieldErrorsFromIssues(settings.error.issues)).map(([field, message]) => `${field}: ${message}`);
    throw new CliError(`The settings in ${file} are not valid:`, exitCodes.usage, errors);
  }
  const body = data as Record<string, unknown>;
  return { body, ignored: Object.keys(body).filter((key) => !(key in installSettingsFields.shape)) };
}
