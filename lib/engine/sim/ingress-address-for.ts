import { numericHash } from "./short-hash";

/**
 * The public address of the cluster's ingress: the simulated cloud's load balancer in front of the ingress
 * controller, where http(s)://<domain>/ and a custom domain's HTTP-01 challenge arrive. One per environment,
 * from its id (not its name, so that a name used again after a deletion does not inherit the old address and
 * the DNS records left pointing at it). Drawn from 198.18.0.0/15, which IANA reserves for benchmarking and no
 * real server uses, so a domain of the real internet never points here by accident.
 */
export function ingressAddressFor(environmentId: string): string {
  const h = numericHash(`ingress:${environmentId}`);
  return `198.${18 + (h & 1)}.${(h >>> 1) & 255}.${((h >>> 9) % 254) + 1}`;
}
