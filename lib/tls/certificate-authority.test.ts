import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCertificateAuthority, issueServingCertificate } from "./certificate-authority";
import { servingNames } from "./serving-names";

describe("the clusters' API certificates", () => {
  const ca = createCertificateAuthority();
  const caCert = new crypto.X509Certificate(ca.certificate);

  it("makes an authority that may sign only end-entity certificates, for ten years", () => {
    expect(caCert.ca).toBe(true);
    expect(caCert.checkPrivateKey(crypto.createPrivateKey(ca.privateKey))).toBe(true);
    expect(caCert.verify(caCert.publicKey)).toBe(true);
    const years = (Date.parse(caCert.validTo) - Date.now()) / (365 * 24 * 3600_000);
    expect(years).toBeGreaterThan(9.9);
  });

  it("issues a serving certificate the authority verifies, for every name the kubeconfig may use", () => {
    const serving = issueServingCertificate(ca, servingNames("http://clusterport.example:8080"));
    const cert = new crypto.X509Certificate(serving.certificate);
    expect(cert.ca).toBe(false);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.checkIssued(caCert)).toBe(true);
    expect(cert.checkPrivateKey(crypto.createPrivateKey(serving.privateKey))).toBe(true);
    for (const host of ["localhost", "clusterport.example"]) expect(cert.checkHost(host)).toBe(host);
    expect(cert.checkHost("other.example")).toBeUndefined();
    for (const ip of ["127.0.0.1", "::1"]) expect(cert.checkIP(ip)).toBe(ip);
    expect(cert.keyUsage).toContain("1.3.6.1.5.5.7.3.1");
    expect(serving.notAfter.getTime()).toBe(Date.parse(cert.validTo));
  });

  it("names APP_URL's host once, an IPv6 address without its brackets", () => {
    expect(servingNames("http://localhost:3000")).toEqual(["localhost", "127.0.0.1", "::1"]);
    expect(servingNames("https://[2001:db8::1]:3000")).toEqual(["localhost", "127.0.0.1", "::1", "2001:db8::1"]);
  });
});
