import { ConflictError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { prepared, replan, type ChangeContext, type PreparedChange } from "../change-context";
import { removeCertificateSchema } from "./schema";

/** Remove the certificate: its Certificate, Secret and the domain's route go; cert-manager stays. */
export function prepareRemoveCertificate(ctx: ChangeContext, input: unknown): PreparedChange {
  const parsed = removeCertificateSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), parsed.error.issues[0]?.message);
  const domain = ctx.settings.certificateDomain;
  if (!domain) throw new ConflictError("This cluster has no certificate to remove.");
  const { certificateDomain: _removed, ...settings } = ctx.settings;
  const plan = replan(ctx, settings);
  return prepared(ctx, {
    type: "remove-certificate",
    settings,
    plan,
    steps: [
      {
        key: "remove-certificate",
        name: "remove-certificate",
        title: `Remove the certificate and route for ${domain}`,
        stage: "addons",
        dependsOn: [],
        estimatedSeconds: 10,
      },
    ],
    params: { summary: `removes the certificate for ${domain}`, domain },
  });
}
