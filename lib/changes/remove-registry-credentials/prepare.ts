import { ConflictError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { prepared, type ChangeContext, type PreparedChange } from "../change-context";
import { removeRegistryCredentialsSchema } from "./schema";

/** Remove the registry credentials: the pull secret goes from every namespace, the stored credentials with it. */
export function prepareRemoveRegistryCredentials(ctx: ChangeContext, input: unknown): PreparedChange {
  const parsed = removeRegistryCredentialsSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), parsed.error.issues[0]?.message);
  if (!ctx.registry) throw new ConflictError("This cluster has no registry credentials to remove.");
  return prepared(ctx, {
    type: "remove-registry-credentials",
    settings: ctx.settings,
    plan: ctx.plan,
    steps: [
      {
        key: "remove-registry-credentials",
        name: "remove-registry-credentials",
        title: "Remove the image pull secret from every namespace",
        stage: "workloads",
        dependsOn: [],
        estimatedSeconds: 10,
      },
    ],
    params: { summary: `removes the registry credentials for ${ctx.registry.registry}` },
  });
}
