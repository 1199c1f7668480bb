import type { StepHandler } from "@/lib/engine/step-context";
import { customDomain } from "./issue-certificate";
import { simOf } from "./sim-of";

/** remove-certificate (certificate manager) — the Certificate, its Secret and the domain's Ingress go; cert-manager stays. */
export const removeCertificate: StepHandler = (ctx) => {
  const sim = simOf(ctx);
  const ns = customDomain.namespace;
  const removed = [
    sim.objects.delete({ kind: "Ingress", namespace: ns, name: customDomain.ingress }),
    sim.objects.delete({ kind: "Certificate", namespace: ns, name: customDomain.certificate }),
    sim.objects.delete({ kind: "Secret", namespace: ns, name: customDomain.secret }),
  ].some(Boolean);
  ctx.log(
    removed
      ? `Deleted certificate/${customDomain.certificate}, secret/${customDomain.secret} and ingress/${customDomain.ingress}; cert-manager stays installed`
      : "No certificate to remove; nothing to do.",
  );
  return { removed };
};
