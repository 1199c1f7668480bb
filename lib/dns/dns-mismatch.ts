import type { DnsAnswer } from "./dns-resolver";
import { canonicalAddress } from "./ip-address";

type DnsTarget = {
  /** The domain the certificate is for. */
  domain: string;
  /** The cluster's ingress address: where Let's Encrypt's HTTP-01 request must arrive. */
  ingressAddress: string;
  /** The cluster's own name, which resolves to the ingress address: a CNAME target that follows it. */
  clusterDomain: string;
};

/**
 * Why `answer` does not let Let's Encrypt reach the cluster for `domain`, with the record that would, in words;
 * undefined when every address it resolves to is the cluster's ingress address. Every address must be: the
 * ACME server may use any of them (and prefers IPv6), so one pointing elsewhere fails the challenge.
 */
export function dnsMismatch(answer: DnsAnswer, target: DnsTarget): string | undefined {
  const ours = canonicalAddress(target.ingressAddress);
  const fix = `Create an A record ${target.domain} → ${target.ingressAddress} (the cluster's ingress address) or a CNAME ${target.domain} → ${target.clusterDomain}`;
  const via = answer.cnames.length > 0 ? ` through CNAME ${answer.cnames.join(" → ")}` : "";
  if (answer.error)
    return `${target.domain} could not be resolved: ${answer.error}. It is looked up again; if it keeps failing, check the domain's DNS servers.`;
  if (answer.addresses.length === 0) {
    return `${target.domain} does not resolve to this cluster (it does not resolve${via ? `: its CNAME ${answer.cnames.join(" → ")} has no address` : ""}). ${fix}; then it is issued automatically.`;
  }
  const elsewhere = answer.addresses.filter((a) => a !== ours);
  if (elsewhere.length === 0) return undefined;
  if (elsewhere.length < answer.addresses.length) {
    return `${target.domain} resolves to this cluster but also to ${elsewhere.join(", ")}${via}, which Let's Encrypt may check instead. Remove the records pointing elsewhere, keeping ${target.domain} → ${target.ingressAddress}; then it is issued automatically.`;
  }
  return `${target.domain} does not resolve to this cluster (it resolves to ${elsewhere.join(", ")}${via}). ${fix} in its place; then it is issued automatically.`;
}
