import { ConflictError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { planStep, prepared, replan, type ChangeContext, type PreparedChange } from "../change-context";
import { remoteApiSchema } from "./schema";

/** Remote API access on (the /api/ ingress to the API servers) or off (the ingress deleted). */
export function prepareRemoteApi(ctx: ChangeContext, input: unknown): PreparedChange {
  const parsed = remoteApiSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), parsed.error.issues[0]?.message);
  const { enabled } = parsed.data;
  if (ctx.settings.addons.remoteApi === enabled)
    throw new ConflictError(`Remote API access is already ${enabled ? "on" : "off"}.`);
  const settings = { ...ctx.settings, addons: { ...ctx.settings.addons, remoteApi: enabled } };
  const plan = replan(ctx, settings);
  const steps = enabled
    ? [planStep(plan, "setup-remote-api", [])]
    : [
        {
          key: "remove-remote-api",
          name: "remove-remote-api",
          title: "Stop exposing the Kubernetes API at /api/",
          stage: "addons",
          dependsOn: [],
          estimatedSeconds: 10,
        },
      ];
  return prepared(ctx, {
    type: "remote-api",
    settings,
    plan,
    steps,
    params: { summary: enabled ? "turns Remote API access on" : "turns Remote API access off", enabled },
  });
}
