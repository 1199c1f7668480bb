import { describe, expect, it } from "vitest";
import { checkHelmValues, checkManifests, maxYamlBytes } from "./yaml-checks";

describe("checkManifests", () => {
  it("accepts several well-formed documents", () => {
    const text =
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n";
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
    expect(checkManifests("- a\n- b\n")).toEqual([
      { line: 1, message: "document 1 must be a mapping with apiVersion, kind and metadata" },
    ]);
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

describe("YAML limits (hostile input gets a field error, never an exception)", () => {
  const level = (n: string) =>
    `${n}: &${n} [${Array(9)
      .fill(`*${String.fromCharCode(n.charCodeAt(0) - 1)}`)
      .join(",")}]`;
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    ...["b", "c", "d", "e", "f"].map(level),
    "apiVersion: v1",
    "kind: ConfigMap",
    "metadata: {name: x}",
  ].join("\n");

  it("refuses an alias bomb in manifests and in Helm values", () => {
    const expected = [{ line: 1, message: "refers to anchors (*alias) too often; at most 100 expansions are allowed" }];
    expect(checkManifests(bomb)).toEqual(expected);
    expect(checkHelmValues(bomb)).toEqual(expected);
  });

  it("accepts ordinary anchors and aliases", () => {
    const text = "base: &base {cpu: 1}\nweb: *base\napi: *base\n";
    expect(checkHelmValues(text)).toEqual([]);
  });

  it("refuses flow collections nested past the depth limit, quickly and at the line", () => {
    const started = performance.now();
    expect(
      checkManifests(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: ${"[".repeat(100_000)}`),
    ).toEqual([{ line: 4, message: "nests collections more than 64 levels deep" }]);
    expect(checkHelmValues(`a: ${"{b: ".repeat(65)}1${"}".repeat(65)}`)).toEqual([
      { line: 1, message: "nests collections more than 64 levels deep" },
    ]);
    // A guard, not a benchmark: the parser would have spent about a second on this before failing.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("accepts nesting up to the limit", () => {
    expect(checkHelmValues(`a: ${"[".repeat(63)}1${"]".repeat(63)}\n`)).toEqual([]);
  });

  it("refuses block nesting past the depth limit", () => {
    const text = Array.from({ length: 70 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " 1\n";
    expect(checkHelmValues(text)).toEqual([{ line: 65, message: "nests collections more than 64 levels deep" }]);
  });

  it("does not count brackets inside strings, comments or plain scalars", () => {
    const text = `a: "${"[".repeat(100)}"\nb: '${"{".repeat(100)}'\n# ${"[".repeat(100)}\nc: x${"[".repeat(100)}\n`;
    expect(checkHelmValues(text)).toEqual([]);
  });
});
