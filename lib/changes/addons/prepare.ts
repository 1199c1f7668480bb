import { addons as catalogAddons } from "@/lib/catalog";
import type { OperationStepSpec } from "@/lib/engine";
import { ConflictError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { planStep, prepared, replan, type ChangeContext, type PreparedChange } from "../change-context";
import { activateAddonsSchema } from "./schema";

const installStep = {
  monitoring: "install-monitoring",
  tracing: "install-jaeger",
  remoteApi: "setup-remote-api",
} as const;

/**
 * Activate add-ons: each add-on's install step from the new plan, side by side (what they depended on at
 * install time is done), so the cluster ends exactly as if they had been chosen in the install dialog.
 * Monitoring and Tracing need NFS storage: without it the request fails here, naming Add storage.
 */
export function prepareAddons(ctx: ChangeContext, input: unknown): PreparedChange {
  const parsed = activateAddonsSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues));
  const wanted = catalogAddons.filter((a) => parsed.data[a.id] === true && !ctx.settings.addons[a.id]);
  if (wanted.length === 0) throw new ConflictError("Choose at least one add-on that this cluster does not have yet.");
  const blocked = wanted.filter((a) => a.requiresStorage && !ctx.settings.storage);
  if (blocked.length > 0) {
    const message = `${blocked.map((a) => a.name).join(" and ")} need${blocked.length === 1 ? "s" : ""} NFS storage, which this cluster does not have. Add storage first.`;
    throw new ValidationError(Object.fromEntries(blocked.map((a) => [a.id, message])), message);
  }
  const settings = {
    ...ctx.settings,
    addons: { ...ctx.settings.addons, ...Object.fromEntries(wanted.map((a) => [a.id, true])) },
  };
  const plan = replan(ctx, settings);
  const steps: OperationStepSpec[] = wanted.map((a) => planStep(plan, installStep[a.id], []));
  return prepared(ctx, {
    type: "addons",
    settings,
    plan,
    steps,
    params: { summary: `activates ${wanted.map((a) => a.name).join(", ")}`, addons: wanted.map((a) => a.id) },
  });
}
