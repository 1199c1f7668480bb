import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/errors";
import {
  customDeploymentSchema,
  installSettingsFields,
  installSettingsSchema,
  listValues,
  withInstallDefaults,
  type InstallSettings,
} from "./install-settings";
import { z } from "./zod";

/** A key no setting has is refused where it stands (fieldErrorsFromIssues gives each its own field error), so a typo is never installed as a default. */
const unknownKey = (what: string, keys: readonly string[]) => ({
  error: (issue: { code?: string }) =>
    issue.code === "unrecognized_keys" ? `Not ${what}: use ${listValues(keys)}.` : undefined,
});

const addonFields = installSettingsFields.shape.addons.partial().shape;
const customFields = customDeploymentSchema.partial().shape;

/**
 * The install body of the API (and of `clusterport env create --file`): every settings field optional but name
 * and region, add-ons and the custom deployment field by field too (what is left out takes the dialog's
 * default, see withInstallDefaults), and a key that is not a setting refused at every level.
 */
export const installBodySchema = z.strictObject(
  {
    ...installSettingsFields.partial().required({ name: true, region: true }).shape,
    addons: z.strictObject(addonFields, unknownKey("an add-on", Object.keys(addonFields))).optional(),
    custom: z.strictObject(customFields, unknownKey("a custom deployment field", Object.keys(customFields))).optional(),
  },
  unknownKey("an install setting", Object.keys(installSettingsFields.shape)),
);

/**
 * What the server does with an install body, in the same order: the body's schema, then the dialog's defaults
 * filled in and the settings' rules across fields. Field errors (`addons.monitoring` → message) when refused.
 */
export function parseInstallBody(
  body: unknown,
): { success: true; settings: InstallSettings } | { success: false; errors: FieldErrors } {
  const parsed = installBodySchema.safeParse(body);
  if (!parsed.success) return { success: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
  const settings = installSettingsSchema.safeParse(withInstallDefaults(parsed.data));
  if (!settings.success) return { success: false, errors: fieldErrorsFromIssues(settings.error.issues) };
  return { success: true, settings: settings.data };
}
