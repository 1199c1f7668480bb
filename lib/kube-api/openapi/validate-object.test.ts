import { describe, expect, it } from "vitest";
import { validateObject } from "./validate-object";

const deployment = (spec: Record<string, unknown> = {}, container: Record<string, unknown> = {}) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: {
    name: "web",
    labels: { app: "web", "app.kubernetes.io/part-of": "shop" },
    annotations: { note: "any text" },
    creationTimestamp: null,
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "web" } },
    template: {
      metadata: { labels: { app: "web" } },
      spec: {
        containers: [
          {
            name: "nginx",
            image: "nginx:1.27",
            ports: [{ containerPort: 80 }],
            resources: { limits: { cpu: "500m", memory: "128Mi" } },
            ...container,
          },
        ],
      },
    },
    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 1 } },
    ...spec,
  },
});

describe("validateObject", () => {
  it("accepts a well-formed object: maps with any keys, null fields, int-or-string, quantities", () => {
    expect(validateObject(deployment(), "Strict")).toEqual({ unknownFields: [], errors: [] });
  });

  it("words unknown fields as the API server does, with list indexes, unless told to ignore them", () => {
    const object = deployment({ replicass: 3 }, { imagee: "x" });
    const expected = ['unknown field "spec.replicass"', 'unknown field "spec.template.spec.containers[0].imagee"'];
    expect(validateObject(object, "Strict").unknownFields.sort()).toEqual(expected.sort());
    expect(validateObject(object, "Warn").unknownFields.sort()).toEqual(expected.sort());
    expect(validateObject(object, "Ignore")).toEqual({ unknownFields: [], errors: [] });
    expect(validateObject({ ...deployment(), extra: true }, "Strict").unknownFields).toEqual(['unknown field "extra"']);
  });

  it("names type errors by path, in Go's decoder's words", () => {
    expect(validateObject(deployment({ replicas: "3" }), "Ignore").errors).toEqual([
      {
        field: "spec.replicas",
        message: "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32",
      },
    ]);
    expect(validateObject(deployment({}, { env: [{ name: "PORT", value: 8080 }] }), "Strict").errors).toEqual([
      {
        field: "spec.template.spec.containers[0].env[0].value",
        message:
          "json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string",
      },
    ]);
    const pullSecrets = deployment();
    Object.assign(pullSecrets.spec.template.spec, { imagePullSecrets: ["regcred"] });
    expect(validateObject(pullSecrets, "Strict").errors[0]?.message).toBe(
      "json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.imagePullSecrets of type v1.LocalObjectReference",
    );
    expect(
      validateObject({ ...deployment(), spec: { template: { spec: { containers: { name: "x" } } } } }, "Strict")
        .errors[0]?.message,
    ).toBe(
      "json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container",
    );
    expect(
      validateObject({ ...deployment(), metadata: { name: "web", labels: { tier: 1 } } }, "Strict").errors,
    ).toEqual([
      {
        field: "metadata.labels[tier]",
        message: "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string",
      },
    ]);
    expect(validateObject(deployment({ replicas: 1.5 }), "Strict").errors[0]?.message).toContain(
      "cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32",
    );
    expect(validateObject(deployment({ paused: "yes" }), "Strict").errors[0]?.message).toContain("of type bool");
  });

  it("takes an int-or-string as either, and nothing else", () => {
    const service = (targetPort: unknown) => ({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web" },
      spec: { ports: [{ port: 80, targetPort }] },
    });
    expect(validateObject(service(8080), "Strict").errors).toEqual([]);
    expect(validateObject(service("http"), "Strict").errors).toEqual([]);
    expect(validateObject(service(true), "Strict").errors).toEqual([
      {
        field: "spec.ports[0].targetPort",
        message: "json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32",
      },
    ]);
  });

  it("parses quantities as the API server does", () => {
    const limits = (memory: unknown) =>
      validateObject(deployment({}, { resources: { limits: { memory } } }), "Strict").errors.map((e) => e.message);
    for (const good of ["1Gi", "500M", "0.5", "1e3", "+2k", 2, 0.25]) expect(limits(good), String(good)).toEqual([]);
    expect(limits("1 GB")).toEqual([
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ]);
    expect(limits("lots")).toEqual([
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ]);
    expect(limits(true)).toEqual([
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ]);
    expect(limits("1mm")).toEqual(["unable to parse quantity's suffix"]);
  });

  it("decodes a Secret's data as base64, and takes stringData as it is", () => {
    const secret = (data: Record<string, string>) => ({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "s" },
      type: "Opaque",
      data,
      stringData: { plain: "not base64!" },
    });
    expect(validateObject(secret({ a: "aGVsbG8=", b: "aGk=", c: "YWJj", d: "YWJj\nZGVm" }), "Strict").errors).toEqual(
      [],
    );
    expect(validateObject(secret({ a: "hello!" }), "Strict").errors).toEqual([
      { field: "data[a]", message: "illegal base64 data at input byte 5" },
    ]);
    expect(validateObject(secret({ a: "abc" }), "Strict").errors[0]?.message).toBe(
      "illegal base64 data at input byte 0",
    );
    expect(validateObject(secret({ a: "aGk=x" }), "Strict").errors[0]?.message).toBe(
      "illegal base64 data at input byte 4",
    );
    expect(validateObject({ ...secret({}), data: { a: 1 } }, "Strict").errors[0]?.message).toBe(
      "json: cannot unmarshal number into Go struct field Secret.data of type []uint8",
    );
  });

  it("holds any JSON where the schema does (managed fields)", () => {
    const object = deployment();
    Object.assign(object.metadata, {
      managedFields: [
        {
          manager: "kubectl",
          operation: "Update",
          fieldsType: "FieldsV1",
          fieldsV1: { "f:spec": { "f:replicas": {} } },
        },
      ],
    });
    expect(validateObject(object, "Strict")).toEqual({ unknownFields: [], errors: [] });
  });

  it("validates the Scale of a deployment's scale subresource", () => {
    const scale = { apiVersion: "autoscaling/v1", kind: "Scale", metadata: { name: "web" }, spec: { replicas: "5" } };
    expect(validateObject(scale, "Strict").errors[0]?.message).toBe(
      "json: cannot unmarshal string into Go struct field ScaleSpec.spec.replicas of type int32",
    );
  });

  it("says what is missing or unknown about the kind", () => {
    expect(validateObject({ apiVersion: "apps/v1", metadata: {} }, "Strict").errors[0]).toMatchObject({
      field: "kind",
      message: expect.stringMatching(/^Object 'Kind' is missing in/),
    });
    expect(validateObject({ apiVersion: "apps/v1", kind: "Deploymentt" }, "Strict").errors).toEqual([
      {
        field: "kind",
        message:
          'no kind "Deploymentt" is registered for version "apps/v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
      },
    ]);
    expect(validateObject([], "Strict").errors[0]?.message).toBe(
      "json: cannot unmarshal array into Go value of type map[string]interface {}",
    );
  });
});
