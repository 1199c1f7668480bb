import { applyDeployment, applyHelmRelease, ensureNamespace, type Sim } from "@/lib/engine/sim";
import type { StepContext } from "@/lib/engine/step-context";
import { components } from "./component-versions";
import { helmInstallLine, helmResultLine } from "./helm-install-line";

export const certManagerIssuer = "letsencrypt-prod";

/**
 * cert-manager with its CRDs and the Let's Encrypt ClusterIssuers (production and staging, ACME HTTP-01 through
 * the ingress), unless already installed: the Jaeger operator needs it for its webhooks, the certificate
 * manager for certificates.
 */
export function ensureCertManager(ctx: StepContext, sim: Sim): void {
  const cm = components.certManager;
  if (sim.objects.get({ kind: "HelmRelease", namespace: "cert-manager", name: "cert-manager" })) {
    ctx.log("cert-manager is already installed; skipping");
    return;
  }
  ensureNamespace(sim, "cert-manager");
  ctx.log(helmInstallLine("cert-manager", cm.chart, "cert-manager", cm.version, { "crds.enabled": "true" }));
  const r = applyHelmRelease(sim, {
    namespace: "cert-manager",
    name: "cert-manager",
    chart: cm.chart,
    repo: cm.repo,
    version: cm.version,
    values: { crds: { enabled: true } },
  });
  for (const [name, image] of [
    ["cert-manager", "cert-manager-controller"],
    ["cert-manager-webhook", "cert-manager-webhook"],
    ["cert-manager-cainjector", "cert-manager-cainjector"],
  ] as const) {
    applyDeployment(sim, { namespace: "cert-manager", name, image: `quay.io/jetstack/${image}:${cm.version}` });
  }
  for (const crd of ["certificates.cert-manager.io", "issuers.cert-manager.io", "clusterissuers.cert-manager.io"]) {
    sim.objects.apply({ kind: "CustomResourceDefinition", name: crd, spec: { group: "cert-manager.io" } });
  }
  for (const issuer of ["letsencrypt-prod", "letsencrypt-staging"]) {
    sim.objects.apply({
      kind: "ClusterIssuer",
      name: issuer,
      spec: {
        acme: {
          server: issuer.endsWith("prod")
            ? "https://acme-v02.api.letsencrypt.org/directory"
            : "https://acme-staging-v02.api.letsencrypt.org/directory",
        },
      },
    });
  }
  ctx.log(helmResultLine("cert-manager", r));
}
