import { findAddon } from "@/lib/catalog";
import { ConflictError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { prepared, replan, type ChangeContext, type PreparedChange } from "../change-context";
import { removeAddonSchema } from "./schema";

const removal = {
  monitoring: { key: "remove-monitoring", title: "Uninstall Prometheus and Grafana, with their data" },
  tracing: { key: "remove-jaeger", title: "Uninstall Jaeger tracing, with its traces" },
} as const;

/** Remove Monitoring or Tracing: its Helm releases and namespace go, and its stored data with them. */
export function prepareRemoveAddon(ctx: ChangeContext, input: unknown): PreparedChange {
  const parsed = removeAddonSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), parsed.error.issues[0]?.message);
  const { addon } = parsed.data;
  const name = findAddon(addon)?.name ?? addon;
  if (!ctx.settings.addons[addon]) throw new ConflictError(`${name} is not installed on this cluster.`);
  const settings = { ...ctx.settings, addons: { ...ctx.settings.addons, [addon]: false } };
  const plan = replan(ctx, settings);
  const step = removal[addon];
  return prepared(ctx, {
    type: "remove-addon",
    settings,
    plan,
    steps: [{ key: step.key, name: step.key, title: step.title, stage: "addons", dependsOn: [], estimatedSeconds: 20 }],
    params: { summary: `removes ${name} and its data`, addon },
  });
}
