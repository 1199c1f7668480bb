import { applyIngress, type CertificateSpec, type CertificateStatus, type IngressSpec } from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { permanentError } from "@/lib/engine/step-error";
import { certManagerIssuer } from "./ensure-cert-manager";
import { ingressControllerWorkload } from "./ingress-controller-workloads";
import { kubectlLine } from "./kubectl-name";
import { platformError } from "./platform-error";
import { ingressControllerOf } from "./plan-facts";
import { simOf } from "./sim-of";

/** Where the certificate manager keeps its objects: one Certificate, its TLS Secret and the domain's Ingress. */
export const customDomain = { namespace: "default", certificate: "custom-domain", secret: "custom-domain-tls", ingress: "custom-domain" } as const;

/** Let's Encrypt certificates live 90 days; cert-manager renews them 30 days before. */
const lifetimeDays = 90;

/**
 * issue-certificate (certificate manager) — a Certificate for the settings' domain from the letsencrypt-prod
 * ClusterIssuer, proved over HTTP-01 through the ingress controller, and an Ingress that serves the domain with
 * it, routed like the cluster's own address (its "/" route; none: the controller's default backend). A new
 * domain replaces the old one.
 * Fault "acme-challenge-fails": Let's Encrypt cannot reach the challenge (the domain's DNS points elsewhere):
 * permanent, the user's to fix.
 */
export const issueCertificate: StepHandler = (ctx) => {
  const { plan, settings } = ctx.environment;
  const domain = settings.certificateDomain;
  if (!domain) throw platformError("no-domain", "The certificate manager has no domain to issue a certificate for.");
  const sim = simOf(ctx);
  if (!sim.objects.get({ kind: "ClusterIssuer", name: certManagerIssuer })) {
    throw platformError("issuer-missing", `Cannot issue a certificate: ClusterIssuer ${certManagerIssuer} is not installed.`);
  }
  const ref = { kind: "Certificate", namespace: customDomain.namespace, name: customDomain.certificate };
  const existing = sim.objects.get<CertificateSpec, CertificateStatus>(ref);
  if (existing?.spec.domain === domain && existing.status.ready) {
    ctx.log(`certificate/${customDomain.certificate} for ${domain} is Ready; nothing to do.`);
    return { domain, notAfter: existing.status.notAfter };
  }
  const ingressClass = ingressControllerWorkload(ingressControllerOf(plan, settings)).ingressClass;
  ctx.log(`kubectl apply -f certificate.yaml (${domain}, issuer ${certManagerIssuer})`);
  ctx.log(`[acme] HTTP-01 challenge: http://${domain}/.well-known/acme-challenge/… served through ${ingressClass}`);
  if (ctx.faults.has("acme-challenge-fails")) {
    throw permanentError(
      "acme-challenge-failed",
      `Let's Encrypt could not validate ${domain}: the HTTP-01 challenge at http://${domain}/.well-known/acme-challenge/ did not reach this cluster (the name resolves elsewhere).`,
      "user",
      `Point ${domain}'s DNS record (CNAME to ${plan.domain}) at the cluster, then retry.`,
    );
  }
  const root = sim.objects.list<IngressSpec>("Ingress").find((i) => !i.spec.host && i.spec.paths.some((p) => p.path === "/"));
  const paths = root?.spec.paths.filter((p) => p.path === "/") ?? [];
  const issued = ctx.now;
  const notAfter = new Date(issued.getTime() + lifetimeDays * 86_400_000);
  const spec: CertificateSpec = { domain, secretName: customDomain.secret, issuer: certManagerIssuer };
  const status: CertificateStatus = { ready: true, reason: "Certificate is up to date and has not expired", notBefore: issued.toISOString(), notAfter: notAfter.toISOString() };
  const result = sim.objects.apply({ ...ref, spec, status }).result;
  sim.objects.apply({ kind: "Secret", namespace: customDomain.namespace, name: customDomain.secret, spec: { type: "kubernetes.io/tls", keys: ["tls.crt", "tls.key"], domain } });
  applyIngress(sim, {
    namespace: customDomain.namespace,
    name: customDomain.ingress,
    ingressClassName: ingressClass,
    paths,
    host: domain,
    tlsSecretName: customDomain.secret,
    annotations: { "cert-manager.io/cluster-issuer": certManagerIssuer },
  });
  ctx.log(kubectlLine("Certificate", customDomain.certificate, result));
  ctx.log(`certificate/${customDomain.certificate} Ready: ${domain}, valid until ${notAfter.toISOString().slice(0, 10)} (renewed 30 days before)`);
  ctx.log(`https://${domain}/ serves the cluster with this certificate`);
  return { domain, notAfter: notAfter.toISOString() };
};
