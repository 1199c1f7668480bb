import { describe, expect, it } from "vitest";
import { reachableSchemas } from "./reachable-schemas";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("reachableSchemas", () => {
  const schemas = {
    Deployment: { properties: { metadata: { allOf: [ref("ObjectMeta")] }, spec: ref("Spec") } },
    Spec: { properties: { containers: { type: "array", items: ref("Container") }, self: ref("Spec") } },
    Container: { properties: { env: { additionalProperties: ref("EnvVar") } } },
    EnvVar: {},
    ObjectMeta: {},
    Unrelated: { properties: { x: ref("EnvVar") } },
  };

  it("follows $refs through allOf, items and additionalProperties, cycles included", () => {
    expect(reachableSchemas(schemas, ["Deployment"])).toEqual([
      "Container",
      "Deployment",
      "EnvVar",
      "ObjectMeta",
      "Spec",
    ]);
  });

  it("refuses a dangling reference", () => {
    expect(() => reachableSchemas({ A: ref("Missing") }, ["A"])).toThrow("No schema Missing");
  });
});
