import { describe, expect, it, vi } from "vitest";
import { validateObject } from "./validate-object";

// The built-in kinds use neither extension (custom resources do): a made-up kind that has both.
vi.mock("./kubernetes-schemas", () => ({
  kubernetesSchemas: {
    schemas: {
      "example.v1.Widget": {
        type: "object",
        properties: {
          apiVersion: { type: "string" },
          kind: { type: "string" },
          spec: {
            type: "object",
            "x-kubernetes-preserve-unknown-fields": true,
            properties: {
              size: { type: "integer", format: "int32" },
              port: { "x-kubernetes-int-or-string": true, anyOf: [{ type: "integer" }, { type: "string" }] },
            },
          },
          status: { type: "object", properties: { ready: { type: "boolean" } } },
        },
      },
    },
  },
  schemaNameOf: (gvk: { group: string; version: string; kind: string }) =>
    gvk.kind === "Widget" ? "example.v1.Widget" : undefined,
}));

const widget = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) => ({
  apiVersion: "example.com/v1",
  kind: "Widget",
  spec,
  status,
});

describe("validateObject with x-kubernetes-* extensions", () => {
  it("keeps unknown fields under x-kubernetes-preserve-unknown-fields, and checks the known ones", () => {
    expect(validateObject(widget({ size: 3, anything: { nested: [1, "a"] } }), "Strict")).toEqual({
      unknownFields: [],
      errors: [],
    });
    expect(validateObject(widget({ size: "3" }), "Strict").errors.map((e) => e.field)).toEqual(["spec.size"]);
    expect(validateObject(widget({}, { extra: 1 }), "Strict").unknownFields).toEqual(['unknown field "status.extra"']);
  });

  it("takes x-kubernetes-int-or-string as an int or a string", () => {
    expect(validateObject(widget({ port: 80 }), "Strict").errors).toEqual([]);
    expect(validateObject(widget({ port: "http" }), "Strict").errors).toEqual([]);
    expect(validateObject(widget({ port: [80] }), "Strict").errors).toEqual([
      {
        field: "spec.port",
        message: "json: cannot unmarshal array into Go struct field Widget.spec.port of type int32",
      },
    ]);
  });
});
