import { describe, expect, it } from "vitest";
import { kubeErrorOf } from "../testing/kube-error-of";
import { applyPatch } from "./apply-patch";

const strategic = "application/strategic-merge-patch+json";
const merge = "application/merge-patch+json";
const json = "application/json-patch+json";

/** A Deployment as the API serves it after `kubectl apply`: defaults filled in, the applied manifest annotated. */
function deployment(): Record<string, unknown> {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: "web",
      namespace: "default",
      uid: "0b6e3f0e-1111-4222-8333-444455556666",
      resourceVersion: "1234",
      labels: { app: "web", tier: "back" },
      annotations: {
        "kubectl.kubernetes.io/last-applied-configuration": '{"apiVersion":"apps/v1","kind":"Deployment"}\n',
      },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "web" } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          containers: [
            {
              name: "web",
              image: "nginx:1.26",
              imagePullPolicy: "IfNotPresent",
              ports: [{ containerPort: 80, protocol: "TCP" }],
              env: [
                { name: "MODE", value: "prod" },
                { name: "DEBUG", value: "1" },
              ],
            },
            { name: "sidecar", image: "busybox:1.36", args: ["sleep", "infinity"], imagePullPolicy: "IfNotPresent" },
          ],
          restartPolicy: "Always",
        },
      },
    },
    status: {
      replicas: 2,
      conditions: [
        { type: "Available", status: "True" },
        { type: "Progressing", status: "True" },
      ],
    },
  };
}

const spec = (o: Record<string, unknown>) =>
  o.spec as {
    replicas: number;
    strategy: unknown;
    template: { metadata: { annotations?: unknown }; spec: { containers: Record<string, unknown>[] } };
  };
const containers = (o: Record<string, unknown>) => spec(o).template.spec.containers;
const metadata = (o: Record<string, unknown>) =>
  o.metadata as { labels: Record<string, string>; annotations: Record<string, string>; finalizers?: string[] };
const lastApplied = (manifest: object) => ({
  metadata: { annotations: { "kubectl.kubernetes.io/last-applied-configuration": `${JSON.stringify(manifest)}\n` } },
});

describe("applyPatch: what kubectl 1.32 sends (bodies captured from kubectl against a stub server)", () => {
  it("kubectl apply (client-side 3-way patch): a new image and a removed env var, with $setElementOrder", () => {
    const body = {
      ...lastApplied({ apiVersion: "apps/v1", kind: "Deployment" }),
      spec: {
        template: {
          spec: {
            "$setElementOrder/containers": [{ name: "web" }, { name: "sidecar" }],
            containers: [
              {
                "$setElementOrder/env": [{ name: "MODE" }],
                env: [{ $patch: "delete", name: "DEBUG" }],
                image: "nginx:1.27",
                name: "web",
              },
            ],
          },
        },
      },
    };
    const patched = applyPatch(deployment(), JSON.stringify(body), strategic);
    expect(containers(patched)).toEqual([
      {
        name: "web",
        image: "nginx:1.27",
        imagePullPolicy: "IfNotPresent",
        ports: [{ containerPort: 80, protocol: "TCP" }],
        env: [{ name: "MODE", value: "prod" }],
      },
      { name: "sidecar", image: "busybox:1.36", args: ["sleep", "infinity"], imagePullPolicy: "IfNotPresent" },
    ]);
    expect(metadata(patched).annotations["kubectl.kubernetes.io/last-applied-configuration"]).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment"}\n',
    );
    expect(metadata(patched).labels).toEqual({ app: "web", tier: "back" });
    expect(patched.status).toEqual(deployment().status);
  });

  it("kubectl apply: a container port added, merged by containerPort and ordered as applied", () => {
    const body = {
      spec: {
        template: {
          spec: {
            "$setElementOrder/containers": [{ name: "web" }, { name: "sidecar" }],
            containers: [
              {
                "$setElementOrder/ports": [{ containerPort: 80 }, { containerPort: 443 }],
                name: "web",
                ports: [{ containerPort: 443, name: "https" }],
              },
            ],
          },
        },
      },
    };
    const patched = applyPatch(deployment(), JSON.stringify(body), strategic);
    expect(containers(patched)[0]?.ports).toEqual([
      { containerPort: 80, protocol: "TCP" },
      { containerPort: 443, name: "https" },
    ]);
    expect(containers(patched)[0]?.env).toEqual(containers(deployment())[0]?.env);
  });

  it("kubectl apply: a container removed from the manifest is deleted with $patch: delete", () => {
    const body = {
      spec: {
        template: {
          spec: {
            "$setElementOrder/containers": [{ name: "web" }],
            containers: [{ $patch: "delete", name: "sidecar" }],
          },
        },
      },
    };
    const patched = applyPatch(deployment(), JSON.stringify(body), strategic);
    expect(containers(patched).map((c) => c.name)).toEqual(["web"]);
  });

  it("kubectl apply: strategy RollingUpdate → Recreate clears rollingUpdate through $retainKeys", () => {
    const body = { spec: { strategy: { $retainKeys: ["type"], type: "Recreate" } } };
    expect(spec(applyPatch(deployment(), JSON.stringify(body), strategic)).strategy).toEqual({ type: "Recreate" });
  });

  it("kubectl apply: a finalizer removed with $deleteFromPrimitiveList, one the server added kept", () => {
    const live = deployment();
    metadata(live).finalizers = ["example.com/a", "example.com/b", "example.com/server-added"];
    const body = {
      metadata: {
        "$deleteFromPrimitiveList/finalizers": ["example.com/b"],
        "$setElementOrder/finalizers": ["example.com/a"],
      },
    };
    expect(metadata(applyPatch(live, JSON.stringify(body), strategic)).finalizers).toEqual([
      "example.com/a",
      "example.com/server-added",
    ]);
  });

  it("kubectl apply: a volume switched from emptyDir to a ConfigMap, the old source cleared by $retainKeys", () => {
    const live = deployment();
    Object.assign(spec(live).template.spec, {
      volumes: [
        { name: "data", emptyDir: {} },
        { name: "tmp", emptyDir: {} },
      ],
    });
    const body = {
      spec: {
        template: {
          spec: {
            "$setElementOrder/volumes": [{ name: "data" }, { name: "tmp" }],
            volumes: [
              { $retainKeys: ["configMap", "name"], configMap: { name: "app-config" }, emptyDir: null, name: "data" },
            ],
          },
        },
      },
    };
    const patched = applyPatch(live, JSON.stringify(body), strategic);
    expect((spec(patched).template.spec as { volumes?: unknown }).volumes).toEqual([
      { name: "data", configMap: { name: "app-config" } },
      { name: "tmp", emptyDir: {} },
    ]);
  });

  it("kubectl apply on a Service: a port added, merged by port", () => {
    const service = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", namespace: "default" },
      spec: {
        type: "ClusterIP",
        clusterIP: "10.96.0.20",
        selector: { app: "web" },
        ports: [{ name: "http", port: 80, targetPort: 8080, protocol: "TCP" }],
      },
    };
    const body = {
      spec: {
        "$setElementOrder/ports": [{ port: 80 }, { port: 443 }],
        ports: [{ name: "https", port: 443, targetPort: 8443 }],
      },
    };
    const patched = applyPatch(service, JSON.stringify(body), strategic);
    expect((patched.spec as { ports: unknown }).ports).toEqual([
      { name: "http", port: 80, targetPort: 8080, protocol: "TCP" },
      { name: "https", port: 443, targetPort: 8443 },
    ]);
  });

  it("kubectl set image and kubectl rollout restart (strategic merge patches)", () => {
    const image = {
      spec: {
        template: {
          spec: {
            "$setElementOrder/containers": [{ name: "web" }, { name: "sidecar" }],
            containers: [{ image: "nginx:1.28", name: "web" }],
          },
        },
      },
    };
    expect(containers(applyPatch(deployment(), JSON.stringify(image), strategic)).map((c) => c.image)).toEqual([
      "nginx:1.28",
      "busybox:1.36",
    ]);
    const restart = {
      spec: {
        template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": "2026-11-26T02:36:35Z" } } },
      },
    };
    expect(spec(applyPatch(deployment(), JSON.stringify(restart), strategic)).template.metadata).toEqual({
      labels: { app: "web" },
      annotations: { "kubectl.kubernetes.io/restartedAt": "2026-11-26T02:36:35Z" },
    });
  });

  it("kubectl patch (strategic by default): a container merged by name, a new one appended", () => {
    const body =
      '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"NEW","value":"x"}]},{"name":"cache","image":"redis:7"}]}}}}';
    const patched = applyPatch(deployment(), body, strategic);
    expect(containers(patched).map((c) => c.name)).toEqual(["web", "cache", "sidecar"]);
    expect(containers(patched)[0]?.env).toEqual([
      { name: "NEW", value: "x" },
      { name: "MODE", value: "prod" },
      { name: "DEBUG", value: "1" },
    ]);
  });

  it("kubectl label and annotate (merge patches): null removes a label", () => {
    const labelled = applyPatch(deployment(), '{"metadata":{"labels":{"app":null,"tier":"front"}}}', merge);
    expect(metadata(labelled).labels).toEqual({ tier: "front" });
    const annotated = applyPatch(deployment(), '{"metadata":{"annotations":{"team":"payments"}}}', merge);
    expect(Object.keys(metadata(annotated).annotations)).toEqual([
      "kubectl.kubernetes.io/last-applied-configuration",
      "team",
    ]);
  });

  it("kubectl scale (a merge patch, sent to the scale subresource) and the same patch as strategic", () => {
    expect(spec(applyPatch(deployment(), '{"spec":{"replicas":3}}', merge)).replicas).toBe(3);
    expect(spec(applyPatch(deployment(), '{"spec":{"replicas":3}}', strategic)).replicas).toBe(3);
  });

  it("kubectl patch --type=json", () => {
    const body =
      '[{"op":"test","path":"/spec/replicas","value":2},{"op":"replace","path":"/spec/replicas","value":5},{"op":"add","path":"/metadata/labels/env","value":"prod"}]';
    const patched = applyPatch(deployment(), body, `${json}; charset=utf-8`);
    expect(spec(patched).replicas).toBe(5);
    expect(metadata(patched).labels).toEqual({ app: "web", tier: "back", env: "prod" });
  });

  it("never changes the object it is given", () => {
    const live = deployment();
    applyPatch(
      live,
      '{"spec":{"template":{"spec":{"containers":[{"name":"web","$patch":"delete"}]}}},"metadata":{"labels":null}}',
      strategic,
    );
    applyPatch(live, '{"metadata":{"labels":{"app":null}},"spec":{"replicas":9}}', merge);
    applyPatch(
      live,
      '[{"op":"remove","path":"/spec/template/spec/containers/0/env/1"},{"op":"replace","path":"/spec/replicas","value":9}]',
      json,
    );
    expect(live).toEqual(deployment());
  });
});

describe("applyPatch: content types", () => {
  it("takes parameters and any letter case in Content-Type", () => {
    expect(
      spec(applyPatch(deployment(), '{"spec":{"replicas":4}}', "Application/Merge-Patch+JSON; charset=utf-8")).replicas,
    ).toBe(4);
  });

  it("turns server-side apply away with 415, telling to use client-side apply", () => {
    const error = kubeErrorOf(() =>
      applyPatch(deployment(), "apiVersion: apps/v1\nkind: Deployment\n", "application/apply-patch+yaml"),
    );
    expect(error.code).toBe(415);
    expect(error.reason).toBe("UnsupportedMediaType");
    expect(error.message).toMatch(/kubectl apply without --server-side/);
  });

  it("answers other types with 415 naming the supported ones", () => {
    const error = kubeErrorOf(() => applyPatch(deployment(), "{}", "application/json"));
    expect(error.code).toBe(415);
    expect(error.message).toBe(
      "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json",
    );
  });

  it("answers a strategic merge patch for a kind without merge keys here with 415", () => {
    const error = kubeErrorOf(() =>
      applyPatch({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } }, "{}", strategic),
    );
    expect(error.code).toBe(415);
    expect(error.message).toMatch(/Widget.*--type=merge/);
  });
});

describe("applyPatch: bad bodies", () => {
  it("answers malformed JSON with 400", () => {
    for (const [body, type] of [
      ["{", strategic],
      ["", merge],
      ["[{]", json],
      ["spec:\n  replicas: 3", strategic],
    ] as const) {
      const error = kubeErrorOf(() => applyPatch(deployment(), body, type));
      expect(error.code).toBe(400);
      expect(error.reason).toBe("BadRequest");
      expect(error.message).toMatch(/^error decoding patch: /);
    }
  });

  it("answers a merge or strategic patch that is not a JSON object with 400", () => {
    for (const body of ["[]", "null", "3", '"x"']) {
      expect(kubeErrorOf(() => applyPatch(deployment(), body, merge)).code).toBe(400);
      expect(kubeErrorOf(() => applyPatch(deployment(), body, strategic)).code).toBe(400);
    }
  });

  it("answers nesting deeper than 100 levels with 400, and takes 100", () => {
    const nested = (levels: number) => `${'{"a":'.repeat(levels - 1)}{}${"}".repeat(levels - 1)}`;
    expect(() => applyPatch(deployment(), nested(100), merge)).not.toThrow();
    const error = kubeErrorOf(() => applyPatch(deployment(), nested(101), merge));
    expect(error.code).toBe(400);
    expect(error.message).toMatch(/deeper than 100 levels/);
    expect(
      kubeErrorOf(() => applyPatch(deployment(), `[${"[".repeat(200_000)}${"]".repeat(200_000)}]`, json)).code,
    ).toBe(400);
  });

  it("cannot pollute prototypes: __proto__ is refused, constructor and prototype stay plain data", () => {
    for (const type of [merge, strategic]) {
      expect(kubeErrorOf(() => applyPatch(deployment(), '{"__proto__":{"polluted":"yes"}}', type)).code).toBe(400);
      expect(
        kubeErrorOf(() => applyPatch(deployment(), '{"metadata":{"labels":{"__proto__":{"polluted":"yes"}}}}', type))
          .code,
      ).toBe(400);
      const patched = applyPatch(
        deployment(),
        '{"metadata":{"labels":{"constructor":{"prototype":{"polluted":"yes"}},"prototype":"p"}}}',
        type,
      );
      expect(metadata(patched).labels.constructor).toEqual({ prototype: { polluted: "yes" } });
      expect(metadata(patched).labels.prototype).toBe("p");
    }
    expect(
      kubeErrorOf(() => applyPatch(deployment(), '[{"op":"add","path":"/__proto__/polluted","value":"yes"}]', json))
        .code,
    ).toBe(422);
    expect(
      kubeErrorOf(() =>
        applyPatch(deployment(), '[{"op":"add","path":"/constructor/prototype/polluted","value":"yes"}]', json),
      ).code,
    ).toBe(422);
    expect(
      kubeErrorOf(() =>
        applyPatch(deployment(), '[{"op":"add","path":"/spec/x","value":{"__proto__":{"polluted":"yes"}}}]', json),
      ).code,
    ).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});
