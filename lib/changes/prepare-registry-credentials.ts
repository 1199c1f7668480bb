import { ConflictError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { registryCredentialsSchema, removeRegistryCredentialsSchema } from "@/lib/validations/changes";
import { prepared, type ChangeContext, type PreparedChange } from "./change-context";

/** Where the request leaves the credentials for the step, encrypted (lib/engine/steps/secret-names.ts). */
const registryCredentialsSecret = "registry-credentials";

/** What the activity shows of a password: that there was one. */
const masked = "••••••••";

/**
 * Registry credentials: stored encrypted with the request, then applied as an image pull secret in every
 * namespace, present and future. Setting them again overwrites them. Nothing about the plan changes.
 */
export function prepareRegistryCredentials(ctx: ChangeContext, input: unknown): PreparedChange {
  const parsed = registryCredentialsSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues));
  const c = parsed.data;
  return prepared(ctx, {
    type: "registry-credentials",
    settings: ctx.settings,
    plan: ctx.plan,
    steps: [
      {
        key: "apply-registry-credentials",
        name: "apply-registry-credentials",
        title: `Apply the credentials for ${c.registry} in every namespace`,
        stage: "workloads",
        dependsOn: [],
        estimatedSeconds: 10,
      },
    ],
    params: {
      summary: `${ctx.registry ? "replaces the registry credentials with those" : "sets registry credentials"} for ${c.registry} (user ${c.username})`,
      registry: c.registry,
      username: c.username,
      password: masked,
      email: c.email,
    },
    secrets: { [registryCredentialsSecret]: JSON.stringify(c) },
  });
}

/** Remove the registry credentials: the pull secret goes from every namespace, the stored credentials with it. */
export function prepareRemoveRegistryCredentials(ctx: ChangeContext, input: unknown): PreparedChange {
  const parsed = removeRegistryCredentialsSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), parsed.error.issues[0]?.message);
  if (!ctx.registry) throw new ConflictError("This cluster has no registry credentials to remove.");
  return prepared(ctx, {
    type: "remove-registry-credentials",
    settings: ctx.settings,
    plan: ctx.plan,
    steps: [{ key: "remove-registry-credentials", name: "remove-registry-credentials", title: "Remove the image pull secret from every namespace", stage: "workloads", dependsOn: [], estimatedSeconds: 10 }],
    params: { summary: `removes the registry credentials for ${ctx.registry.registry}` },
  });
}
