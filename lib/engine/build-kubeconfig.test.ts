import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { buildKubeconfig } from "./build-kubeconfig";

describe("buildKubeconfig", () => {
  it("names the cluster's API and the admin token in a valid kubeconfig, with no made-up certificate", () => {
    const yaml = buildKubeconfig({ clusterName: "shop", server: "https://clusterport.example/k8s/clusters/0b1c", token: "tok-123" });
    const config = parse(yaml);
    expect(config.kind).toBe("Config");
    expect(config["current-context"]).toBe("shop");
    expect(config.clusters[0].cluster).toEqual({ server: "https://clusterport.example/k8s/clusters/0b1c" });
    expect(config.users[0].user.token).toBe("tok-123");
    const local = parse(buildKubeconfig({ clusterName: "shop", server: "http://localhost:3000/k8s/clusters/0b1c", token: "t" }));
    expect(local.clusters[0].cluster).toEqual({ server: "http://localhost:3000/k8s/clusters/0b1c", "insecure-skip-tls-verify": true });
    expect(config.contexts[0].context).toEqual({ cluster: "shop", user: "shop-admin" });
  });
});
