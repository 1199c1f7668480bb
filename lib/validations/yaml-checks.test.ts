import { describe, expect, it } from "vitest";
import { checkHelmValues, checkManifests, maxYamlBytes } from "./yaml-checks";

describe("checkManifests", () => {
  it("accepts several well-formed documents", () => {
    const text = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n";
    expect(checkManifests(text)).toEqual([]);
  });

  it("names the line of a document that lacks required fields", () => {
    const text = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: ConfigMap\n";
    expect(checkManifests(text)).toEqual([{ line: 6, message: "document 2 has no metadata.name" }]);
  });

  it("reports a YAML syntax error at its line", () => {
    const problems = checkManifests("apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n");
    expect(problems[0]?.line).toBeGreaterThanOrEqual(4);
    expect(problems[0]?.message).toMatch(/^is not valid YAML/);
  });

  it("refuses a list or scalar where an object is expected, and empty input", () => {
    expect(checkManifests("- a\n- b\n")).toEqual([{ line: 1, message: "document 1 must be a mapping with apiVersion, kind and metadata" }]);
    expect(checkManifests("# only a comment\n")).toEqual([{ line: 1, message: "contains no Kubernetes objects" }]);
  });

  it("enforces the size limit", () => {
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  x: "${"a".repeat(maxYamlBytes)}"\n`;
    expect(checkManifests(big)[0]?.message).toMatch(/the limit is 256 KiB/);
  });
});

describe("checkHelmValues", () => {
  it("accepts empty values and mappings, refuses lists and bad YAML", () => {
    expect(checkHelmValues("")).toEqual([]);
    expect(checkHelmValues("replicaCount: 2\nimage:\n  tag: 1.2.3\n")).toEqual([]);
    expect(checkHelmValues("- 1\n- 2\n")).toEqual([{ line: 1, message: "must be a mapping of keys to values" }]);
    expect(checkHelmValues("a: 1\n b: 2\n")[0]?.message).toMatch(/^is not valid YAML/);
  });
});
