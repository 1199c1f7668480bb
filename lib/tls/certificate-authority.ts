import crypto from "node:crypto";
import net from "node:net";
import forge from "node-forge";

/** A certificate and its private key, both PEM (the key PKCS#8). */
export type KeyPairCertificate = { certificate: string; privateKey: string };

const caSubject = [
  { name: "commonName", value: "Clusterport clusters' API CA" },
  { name: "organizationName", value: "Clusterport" },
];

/**
 * The authority that signs the serving certificates of the clusters' Kubernetes API: made once per installation
 * (lib/data/ensure-certificate-authority.ts keeps it) and named in every kubeconfig as its
 * certificate-authority-data. Valid ten years; it may sign only end-entity certificates (path length 0).
 */
export function createCertificateAuthority(now = new Date()): KeyPairCertificate {
  const { publicKey, privateKey } = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - 60 * 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 60 * 60_000);
  cert.setSubject(caSubject);
  cert.setIssuer(caSubject);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, pathLenConstraint: 0, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  return { certificate: forge.pki.certificateToPem(cert), privateKey: pkcs8Pem(privateKey) };
}

/**
 * A serving certificate for `names` (host names and IP addresses), signed by the authority. Each web server makes
 * its own at start and renews it (scripts/serve.ts); only the authority is shared, so every server is trusted.
 */
export function issueServingCertificate(
  ca: KeyPairCertificate,
  names: readonly string[],
  now = new Date(),
  days = 90,
): KeyPairCertificate & { notAfter: Date } {
  const caCert = forge.pki.certificateFromPem(ca.certificate);
  const caKey = forge.pki.privateKeyFromPem(ca.privateKey);
  const { publicKey, privateKey } = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - 60 * 60_000);
  // Whole seconds, as the certificate encodes them.
  cert.validity.notAfter = new Date(Math.floor(now.getTime() / 1000) * 1000 + days * 24 * 60 * 60_000);
  cert.setSubject([{ name: "commonName", value: names[0] ?? "localhost" }]);
  cert.setIssuer(caCert.subject.attributes);
  const caKeyId = caCert.generateSubjectKeyIdentifier().getBytes();
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    {
      name: "subjectAltName",
      altNames: names.map((n) => (net.isIP(n) !== 0 ? { type: 7, ip: n } : { type: 2, value: n })),
    },
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: caKeyId },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return {
    certificate: forge.pki.certificateToPem(cert),
    privateKey: pkcs8Pem(privateKey),
    notAfter: cert.validity.notAfter,
  };
}

// Node's own key generation (native, milliseconds); forge signs and encodes.
function rsaKeyPair(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  const pair = crypto.generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return {
    publicKey: forge.pki.publicKeyFromPem(pair.publicKey) as forge.pki.rsa.PublicKey,
    privateKey: forge.pki.privateKeyFromPem(pair.privateKey) as forge.pki.rsa.PrivateKey,
  };
}

function pkcs8Pem(key: forge.pki.rsa.PrivateKey): string {
  return forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key)));
}

// 16 random bytes, the first below 0x80 so that the DER integer stays positive (RFC 5280 §4.1.2.2).
function serialNumber(): string {
  const bytes = crypto.randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString("hex");
}
