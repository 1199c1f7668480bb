import { ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { prepared, type ChangeContext, type PreparedChange } from "../change-context";
import { registryCredentialsSchema } from "./schema";

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
