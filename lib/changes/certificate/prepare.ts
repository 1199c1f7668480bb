import type { OperationStepSpec } from "@/lib/engine";
import { ConflictError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { planStep, prepared, replan, type ChangeContext, type PreparedChange } from "../change-context";
import { certificateSchema } from "./schema";

/**
 * Certificate manager: cert-manager and the Let's Encrypt issuer (if missing), then a certificate for the domain,
 * proved through the ingress and served there; the domain's URL joins the endpoints. A new domain replaces the
 * old one's certificate and route.
 */
export function prepareCertificate(ctx: ChangeContext, input: unknown): PreparedChange {
  const parsed = certificateSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), parsed.error.issues[0]?.message);
  const { domain } = parsed.data;
  const before = ctx.settings.certificateDomain;
  if (before === domain) throw new ConflictError(`${domain} already has its certificate.`);
  const settings = { ...ctx.settings, certificateDomain: domain };
  const plan = replan(ctx, settings);
  const steps: OperationStepSpec[] = [
    planStep(plan, "install-cert-manager", []),
    planStep(plan, "issue-certificate", ["install-cert-manager"]),
  ];
  return prepared(ctx, {
    type: "certificate",
    settings,
    plan,
    steps,
    params: {
      summary: before
        ? `moves the certificate from ${before} to ${domain}`
        : `issues a Let's Encrypt certificate for ${domain}`,
      domain,
    },
  });
}
