import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { kubernetesApiOrigin, kubernetesApiUrl } from "@/lib/kube-api/kubernetes-api-url";
import { buildKubeconfig } from "./build-kubeconfig";

const ca = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

describe("buildKubeconfig", () => {
  it("names the cluster's API, the installation's authority and the admin token in a valid kubeconfig", () => {
    const server = kubernetesApiUrl("0b1c", "http://localhost:3000");
    expect(server).toBe("https://localhost:3000/k8s/clusters/0b1c");
    const config = parse(buildKubeconfig({ clusterName: "shop", server, token: "tok-123", certificateAuthority: ca }));
    expect(config.kind).toBe("Config");
    expect(config["current-context"]).toBe("shop");
    expect(config.clusters[0].cluster).toEqual({
      server,
      "certificate-authority-data": Buffer.from(ca).toString("base64"),
    });
    expect(config.users[0].user.token).toBe("tok-123");
    expect(config.contexts[0].context).toEqual({ cluster: "shop", user: "shop-admin" });
  });

  it("behind an https APP_URL names that origin and carries no authority: its public certificate is trusted as is", () => {
    const server = kubernetesApiUrl("0b1c", "https://clusterport.example");
    expect(server).toBe("https://clusterport.example/k8s/clusters/0b1c");
    const config = parse(buildKubeconfig({ clusterName: "shop", server, token: "t" }));
    expect(config.clusters[0].cluster).toEqual({ server });
  });

  it("never turns verification off", () => {
    const yaml = buildKubeconfig({
      clusterName: "shop",
      server: kubernetesApiUrl("0b1c", "http://localhost:3000"),
      token: "t",
      certificateAuthority: ca,
    });
    expect(yaml).not.toMatch(/insecure/);
  });
});

describe("kubernetesApiOrigin", () => {
  it("is https on APP_URL's own host and port, with the installation's authority, when APP_URL is http", () => {
    expect(kubernetesApiOrigin("http://localhost:3100")).toEqual({
      origin: "https://localhost:3100",
      ownAuthority: true,
    });
    expect(kubernetesApiOrigin("http://clusterport.internal")).toEqual({
      origin: "https://clusterport.internal:80",
      ownAuthority: true,
    });
    expect(kubernetesApiOrigin("http://[::1]:3000")).toEqual({ origin: "https://[::1]:3000", ownAuthority: true });
  });

  it("is APP_URL's origin, with no authority of its own, when APP_URL is https", () => {
    expect(kubernetesApiOrigin("https://clusterport.example:8443")).toEqual({
      origin: "https://clusterport.example:8443",
      ownAuthority: false,
    });
  });
});
