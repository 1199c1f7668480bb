import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { buildKubeconfig } from "./build-kubeconfig";

describe("buildKubeconfig", () => {
  it("names the cluster's endpoint, its CA and the admin token in a valid kubeconfig", () => {
    const yaml = buildKubeconfig({
      clusterName: "shop",
      server: "https://mbl.shop.fra.clusterport.cloud:6443",
      caCertificatePem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
      token: "tok-123",
    });
    const config = parse(yaml);
    expect(config.kind).toBe("Config");
    expect(config["current-context"]).toBe("shop");
    expect(config.clusters[0].cluster.server).toBe("https://mbl.shop.fra.clusterport.cloud:6443");
    expect(Buffer.from(config.clusters[0].cluster["certificate-authority-data"], "base64").toString()).toContain("BEGIN CERTIFICATE");
    expect(config.users[0].user.token).toBe("tok-123");
    expect(config.contexts[0].context).toEqual({ cluster: "shop", user: "shop-admin" });
  });
});
