import { dnsMismatch } from "@/lib/dns/dns-mismatch";
import type { DnsAnswer } from "@/lib/dns/dns-resolver";
import {
  applyIngress,
  ingressAddressFor,
  type CertificateSpec,
  type CertificateStatus,
  type IngressSpec,
} from "@/lib/engine/sim";
import type { StepContext, StepHandler, StepOutput } from "@/lib/engine/step-context";
import { permanentError, waitingError } from "@/lib/engine/step-error";
import { dnsRetryInMs } from "./dns-wait";
import { certManagerIssuer } from "./ensure-cert-manager";
import { ingressControllerWorkload } from "./ingress-controller-workloads";
import { kubectlLine } from "./kubectl-name";
import { ingressControllerOf } from "./plan-facts";
import { platformError } from "./platform-error";
import { simOf } from "./sim-of";

/** Where the certificate manager keeps its objects: one Certificate, its TLS Secret and the domain's Ingress. */
export const customDomain = {
  namespace: "default",
  certificate: "custom-domain",
  secret: "custom-domain-tls",
  ingress: "custom-domain",
} as const;

/** Let's Encrypt certificates live 90 days; cert-manager renews them 30 days before. */
const lifetimeDays = 90;

/**
 * issue-certificate (certificate manager) — a Certificate for the settings' domain from the letsencrypt-prod
 * ClusterIssuer, proved over HTTP-01 through the ingress controller, and an Ingress that serves the domain with
 * it, routed like the cluster's own address (its "/" route; none: the controller's default backend). A new
 * domain replaces the old one.
 * The domain must first resolve (DNS_RESOLVER; `resolves` below) to the cluster's ingress address and nowhere
 * else, as Let's Encrypt's HTTP-01 request must reach it: until it does, the step waits — retried on the DNS
 * schedule (dns-wait.ts, about an hour) with the reason and the record to create — and then fails, the user's
 * to fix.
 * Fault "acme-challenge-fails": Let's Encrypt cannot reach the challenge although DNS points here (a firewall):
 * permanent, the user's to fix.
 */
const issue = (ctx: StepContext): StepOutput => {
  const { plan, settings } = ctx.environment;
  const domain = settings.certificateDomain;
  if (!domain) throw platformError("no-domain", "The certificate manager has no domain to issue a certificate for.");
  const sim = simOf(ctx);
  if (!sim.objects.get({ kind: "ClusterIssuer", name: certManagerIssuer })) {
    throw platformError(
      "issuer-missing",
      `Cannot issue a certificate: ClusterIssuer ${certManagerIssuer} is not installed.`,
    );
  }
  const ref = { kind: "Certificate", namespace: customDomain.namespace, name: customDomain.certificate };
  const existing = sim.objects.get<CertificateSpec, CertificateStatus>(ref);
  if (existing?.spec.domain === domain && existing.status.ready) {
    ctx.log(`certificate/${customDomain.certificate} for ${domain} is Ready; nothing to do.`);
    return { domain, notAfter: existing.status.notAfter };
  }
  const ingressAddress = ingressAddressFor(ctx.environment.id);
  const answer = ctx.dns.get(domain) ?? { name: domain, cnames: [], addresses: [], error: "it was not looked up" };
  const mismatch = dnsMismatch(answer, { domain, ingressAddress, clusterDomain: plan.domain });
  if (mismatch) {
    ctx.log(`[dns] ${domain}: ${describeAnswer(answer)}; this cluster's ingress address is ${ingressAddress}`, "warn");
    const looks = ctx.step.maxAttempts - ctx.step.attempt;
    throw waitingError("dns-not-pointing-here", mismatch, {
      action:
        looks > 0
          ? `Create the record; the domain is looked up again in ${Math.round(dnsRetryInMs(ctx.step.attempt) / 1000)} s (${looks} more times, about an hour in all).`
          : "Create the record, then press Retry.",
      actionIfGivenUp: `Create an A record ${domain} → ${ingressAddress} or a CNAME ${domain} → ${plan.domain} at your DNS provider, then press Retry: the domain is looked up again for another hour.`,
      retryInMs: dnsRetryInMs(ctx.step.attempt),
    });
  }
  ctx.log(`[dns] ${domain}: ${describeAnswer(answer)}, this cluster's ingress address`);
  const ingressClass = ingressControllerWorkload(ingressControllerOf(plan, settings)).ingressClass;
  ctx.log(`kubectl apply -f certificate.yaml (${domain}, issuer ${certManagerIssuer})`);
  ctx.log(`[acme] HTTP-01 challenge: http://${domain}/.well-known/acme-challenge/… served through ${ingressClass}`);
  if (ctx.faults.has("acme-challenge-fails")) {
    throw permanentError(
      "acme-challenge-failed",
      `Let's Encrypt could not validate ${domain}: the HTTP-01 challenge at http://${domain}/.well-known/acme-challenge/ did not reach this cluster, although ${domain} resolves to it (port 80 blocked on the way?).`,
      "user",
      `Let port 80 of ${ingressAddress} through to the cluster for ${domain}, then retry.`,
    );
  }
  const root = sim.objects
    .list<IngressSpec>("Ingress")
    .find((i) => !i.spec.host && i.spec.paths.some((p) => p.path === "/"));
  const paths = root?.spec.paths.filter((p) => p.path === "/") ?? [];
  const issued = ctx.now;
  const notAfter = new Date(issued.getTime() + lifetimeDays * 86_400_000);
  const spec: CertificateSpec = { domain, secretName: customDomain.secret, issuer: certManagerIssuer };
  const status: CertificateStatus = {
    ready: true,
    reason: "Certificate is up to date and has not expired",
    notBefore: issued.toISOString(),
    notAfter: notAfter.toISOString(),
  };
  const result = sim.objects.apply({ ...ref, spec, status }).result;
  sim.objects.apply({
    kind: "Secret",
    namespace: customDomain.namespace,
    name: customDomain.secret,
    spec: { type: "kubernetes.io/tls", keys: ["tls.crt", "tls.key"], domain },
  });
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
  ctx.log(
    `certificate/${customDomain.certificate} Ready: ${domain}, valid until ${notAfter.toISOString().slice(0, 10)} (renewed 30 days before)`,
  );
  ctx.log(`https://${domain}/ serves the cluster with this certificate`);
  return { domain, notAfter: notAfter.toISOString() };
};

export const issueCertificate: StepHandler = Object.assign(issue, {
  resolves: (environment: StepContext["environment"]) =>
    environment.settings.certificateDomain ? [environment.settings.certificateDomain] : [],
});

function describeAnswer(answer: DnsAnswer): string {
  if (answer.error) return `lookup failed (${answer.error})`;
  const chain = answer.cnames.length > 0 ? `CNAME ${answer.cnames.join(" → ")}, ` : "";
  return answer.addresses.length > 0
    ? `${chain}resolves to ${answer.addresses.join(", ")}`
    : `${chain}does not resolve`;
}
