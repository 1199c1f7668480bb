import type { Random } from "@/lib/engine/random";

/**
 * A service-account bearer token shaped like the real one (a JWT: header.claims.signature, ~600 chars).
 * Header and claims are public facts; the randomness is in the key id and the signature.
 */
export function adminTokenFor(random: Random): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = b64({ alg: "RS256", kid: random.token(43) });
  const claims = b64({
    iss: "kubernetes/serviceaccount",
    "kubernetes.io/serviceaccount/namespace": "kube-system",
    "kubernetes.io/serviceaccount/secret.name": "fulladmin-token",
    "kubernetes.io/serviceaccount/service-account.name": "fulladmin",
    sub: "system:serviceaccount:kube-system:fulladmin",
  });
  return `${header}.${claims}.${random.token(342)}`;
}
