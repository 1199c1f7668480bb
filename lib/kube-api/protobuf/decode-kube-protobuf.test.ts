import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KubeError } from "../kube-status";
import { decodeKubeProtobuf } from "./decode-kube-protobuf";

const fixtures = path.join(__dirname, "fixtures");
const pb = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtures, `${name}.pb`)));
const json = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(fixtures, `${name}.json`), "utf8"));

/**
 * The bodies kubectl 1.32.4 sent (Content-Type application/vnd.kubernetes.protobuf) for these commands, recorded by
 * a server answering discovery and OpenAPI as Clusterport does; each `<name>.json` is what the same command prints
 * with `--dry-run=client -o json`. With `--dry-run=server` kubectl sends the same bytes (only the query differs).
 */
const kubectlBodies: [name: string, command: string][] = [
  ["deployment", "create deployment web --image=nginx"],
  ["namespace", "create namespace team-a"],
  ["configmap", "create configmap settings --from-literal=a=1"],
  ["secret", "create secret generic s --from-literal=k=v"],
  ["service", "create service clusterip web --tcp=80:8080"],
  ["ingress", "create ingress simple --rule=foo.com/bar=svc1:8080,tls=my-cert"],
  ["deployment-zero-replicas", "create deployment api --image=nginx:1.27 --replicas=0 --port=8080 -- sleep 3600"],
  [
    "configmap-binary",
    "create configmap files --from-file=bin=<7 bytes with 0x00 and 0xff> --from-literal=empty= --from-literal=b=two",
  ],
  [
    "secret-docker-registry",
    "create secret docker-registry regcred --docker-server=registry.example --docker-username=u --docker-password=p",
  ],
  ["service-nodeport", "create service nodeport np --tcp=80:http --node-port=30080"],
  ["service-externalname", "create service externalname ext --external-name=example.com"],
  ["service-headless", "create service clusterip headless --clusterip=None"],
  [
    "ingress-full",
    "create ingress full --class=nginx --default-backend=defsvc:http --rule=a.example/=svc-a:80 --rule=b.example/api*=svc-b:grpc,tls --annotation=nginx.ingress.kubernetes.io/rewrite-target=/",
  ],
];

describe("decodeKubeProtobuf: what kubectl 1.32 sends", () => {
  it.each(kubectlBodies)(
    "kubectl-%s (kubectl %s) decodes to the JSON kubectl prints for it, in the same order",
    (name) => {
      const decoded = decodeKubeProtobuf(pb(`kubectl-${name}`));
      const expected = json(`kubectl-${name}`);
      expect(decoded).toStrictEqual(expected);
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(expected));
    },
  );
});

/**
 * Encoded with protobufjs from the official generated.proto files (not this decoder's schema), laid out as Go's
 * encoder does — plain fields written even when empty — to check field numbers, zero values and the special types
 * on more of the schema than kubectl's generators reach. The expected JSON is Go's, by the types' json tags.
 */
describe("decodeKubeProtobuf: Go's JSON forms", () => {
  it("a Deployment: pointer zeros kept, plain zeros dropped, inline structs flattened, IntOrString, Quantity, Time, FieldsV1", () => {
    expect(decodeKubeProtobuf(pb("synthetic-deployment"))).toStrictEqual({
      kind: "Deployment",
      apiVersion: "apps/v1",
      metadata: {
        name: "rich",
        namespace: "default",
        creationTimestamp: "2026-01-01T00:00:00Z",
        deletionGracePeriodSeconds: 0,
        labels: { app: "rich" },
        annotations: Object.defineProperty({ note: "" }, "__proto__", {
          value: "kept as a key",
          enumerable: true,
          writable: true,
          configurable: true,
        }),
        ownerReferences: [{ apiVersion: "v1", kind: "ConfigMap", name: "owner", uid: "u-1", controller: false }],
        // Time is to the second in JSON: the 5 ns go.
        managedFields: [
          {
            manager: "kubectl",
            operation: "Update",
            apiVersion: "apps/v1",
            time: "2026-01-01T00:00:01Z",
            fieldsType: "FieldsV1",
            fieldsV1: { "f:metadata": { "f:labels": {} } },
          },
        ],
      },
      spec: {
        replicas: 0,
        selector: {
          matchLabels: { app: "rich" },
          matchExpressions: [{ key: "tier", operator: "In", values: ["a", ""] }],
        },
        template: {
          metadata: { creationTimestamp: null, labels: { app: "rich" } },
          spec: {
            volumes: [
              {
                name: "cfg",
                configMap: { name: "cm", items: [{ key: "a", path: "a.txt", mode: 0 }], defaultMode: 420 },
              },
              { name: "scratch", emptyDir: { sizeLimit: "1Gi" } },
            ],
            containers: [
              {
                name: "app",
                image: "registry.example/app:1",
                command: ["/app"],
                args: ["--flag", ""],
                ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
                env: [
                  { name: "A" },
                  { name: "B", valueFrom: { configMapKeyRef: { name: "cm", key: "k", optional: false } } },
                ],
                resources: { limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "250m" } },
                volumeMounts: [{ name: "cfg", readOnly: true, mountPath: "/etc/cfg" }],
                livenessProbe: {
                  httpGet: { path: "/healthz", port: "http", scheme: "HTTP" },
                  timeoutSeconds: 1,
                  periodSeconds: 10,
                  successThreshold: 1,
                  failureThreshold: 3,
                },
                readinessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 5 },
                imagePullPolicy: "IfNotPresent",
                securityContext: { capabilities: { drop: ["ALL"] }, allowPrivilegeEscalation: false },
              },
            ],
            restartPolicy: "Always",
            terminationGracePeriodSeconds: 0,
            automountServiceAccountToken: false,
            securityContext: { runAsUser: 0, runAsNonRoot: false, supplementalGroups: [1000, 2000], fsGroup: 2000 },
            tolerations: [{ key: "k", operator: "Exists", effect: "NoSchedule", tolerationSeconds: 0 }],
          },
        },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: "25%" } },
        revisionHistoryLimit: 0,
        progressDeadlineSeconds: 600,
      },
      status: {
        conditions: [
          { type: "Available", status: "True", lastUpdateTime: null, lastTransitionTime: "2026-01-01T00:00:00Z" },
        ],
      },
    });
  });

  it("a map key __proto__ is an own key, not the object's prototype", () => {
    const annotations = (decodeKubeProtobuf(pb("synthetic-deployment")).metadata as { annotations: object })
      .annotations;
    expect(Object.getPrototypeOf(annotations)).toBe(Object.prototype);
    expect(Object.keys(annotations)).toEqual(["__proto__", "note"]);
  });

  it("a Scale (autoscaling/v1): status.replicas is always there, spec.replicas 0 is not (omitempty, as in its JSON)", () => {
    expect(decodeKubeProtobuf(pb("synthetic-scale"))).toStrictEqual({
      kind: "Scale",
      apiVersion: "autoscaling/v1",
      metadata: { name: "web", namespace: "default", resourceVersion: "7", creationTimestamp: null },
      spec: { replicas: 3 },
      status: { replicas: 0 },
    });
    expect(decodeKubeProtobuf(pb("synthetic-scale-to-zero"))).toStrictEqual({
      kind: "Scale",
      apiVersion: "autoscaling/v1",
      metadata: { name: "web", namespace: "default", creationTimestamp: null },
      spec: {},
      status: { replicas: 1, selector: "app=web" },
    });
  });

  it("DeleteOptions, under the group version client-go sends it with: pointer fields keep their zeros", () => {
    expect(decodeKubeProtobuf(pb("synthetic-delete-options"))).toStrictEqual({
      kind: "DeleteOptions",
      apiVersion: "apps/v1",
      gracePeriodSeconds: 0,
      preconditions: { uid: "u-1", resourceVersion: "" },
      orphanDependents: false,
      propagationPolicy: "Foreground",
      dryRun: ["All"],
    });
  });

  it("a Secret: bytes as base64 (an empty value too), stringData as is, immutable: false kept", () => {
    expect(decodeKubeProtobuf(pb("synthetic-secret"))).toStrictEqual({
      kind: "Secret",
      apiVersion: "v1",
      metadata: { name: "bin", creationTimestamp: null },
      immutable: false,
      data: { raw: Buffer.from([0, 255, 1, 2]).toString("base64"), empty: "" },
      stringData: { s: "plain" },
      type: "Opaque",
    });
  });

  it("skips a field number it does not know, as the API server's decoder does (a newer client's field)", () => {
    const namespace = Buffer.concat([field(1, field(1, "extra")), field(100, "from a newer kubectl")]);
    expect(decodeKubeProtobuf(envelope("v1", "Namespace", namespace))).toStrictEqual({
      kind: "Namespace",
      apiVersion: "v1",
      metadata: { name: "extra" },
    });
  });
});

describe("decodeKubeProtobuf: bodies it refuses with 400", () => {
  const refused = (body: Uint8Array) => {
    try {
      decodeKubeProtobuf(body);
    } catch (e) {
      expect(e).toBeInstanceOf(KubeError);
      expect((e as KubeError).code).toBe(400);
      expect((e as KubeError).reason).toBe("BadRequest");
      return (e as KubeError).message;
    }
    throw new Error("decoded");
  };

  it("a body without the k8s\\0 magic (JSON sent under the protobuf type), or none", () => {
    expect(refused(Buffer.from('{"kind":"Namespace"}'))).toMatch(
      /not Kubernetes protobuf: it does not start with "k8s\\x00"/,
    );
    expect(refused(new Uint8Array(0))).toMatch(/not Kubernetes protobuf/);
  });

  it("a truncated body", () => {
    const whole = pb("kubectl-deployment");
    expect(refused(whole.subarray(0, whole.length - 20))).toMatch(/could not be decoded: index out of range/);
    expect(refused(whole.subarray(0, 10))).toMatch(/the protobuf envelope \(runtime\.Unknown\) could not be decoded/);
  });

  it("a garbled body", () => {
    const garbled = Uint8Array.from(pb("kubectl-namespace"));
    garbled[4] = 0x0f; // field 1 with wire type 7, which does not exist
    expect(refused(garbled)).toMatch(/could not be decoded: invalid wire type 7/);
  });

  it("a kind it does not decode, named, with the advice to send JSON", () => {
    expect(refused(envelope("apps/v1", "StatefulSet", field(1, field(1, "db"))))).toBe(
      "a StatefulSet (apps/v1) cannot be decoded from protobuf here: send it as application/json",
    );
    expect(refused(envelope("apps/v1", "Namespace", new Uint8Array(0)))).toBe(
      "a Namespace (apps/v1) cannot be decoded from protobuf here: send it as application/json",
    );
    expect(refused(envelope("", "", new Uint8Array(0)))).toBe(
      "an object without a kind cannot be decoded from protobuf here: send it as application/json",
    );
  });

  it("a content encoding (the envelope allows gzip; client-go never sends one)", () => {
    expect(refused(envelope("v1", "Namespace", new Uint8Array(0), "gzip"))).toMatch(
      /content encoding "gzip" is not supported/,
    );
  });
});

/** A length-delimited protobuf field: the tag (number, wire type 2), the length, the bytes. */
function field(id: number, value: Uint8Array | string): Buffer {
  const bytes = typeof value === "string" ? Buffer.from(value) : value;
  return Buffer.concat([Buffer.from([...varint(id * 8 + 2), ...varint(bytes.length)]), bytes]);
}

function varint(n: number): number[] {
  const out: number[] = [];
  for (; n > 127; n = Math.floor(n / 128)) out.push((n % 128) | 128);
  out.push(n);
  return out;
}

/** `k8s\0` + runtime.Unknown{typeMeta{apiVersion, kind}, raw, contentEncoding}. */
function envelope(apiVersion: string, kind: string, raw: Uint8Array, contentEncoding = ""): Uint8Array {
  const typeMeta = Buffer.concat([field(1, apiVersion), field(2, kind)]);
  return Buffer.concat([Buffer.from("k8s\0", "latin1"), field(1, typeMeta), field(2, raw), field(3, contentEncoding)]);
}
