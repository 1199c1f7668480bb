import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureStall } from "./testing/measure-stall";
import { pbEnvelope, pbField, pbText, varint } from "./testing/protobuf-wire";
import { testCluster, type KubeAnswer, type TestCluster } from "./testing/test-cluster";
import { maxNestingDepth } from "./write/body-limits";

/**
 * Hostile bodies on every write verb of a cluster's API, on a real database: each is answered 4xx with a
 * readable Status, the process keeps serving, and — measured by a timer beside each request, as /api/health
 * would be — no request holds the event loop for long. 1.5 s is the bound on this slow shared machine; the
 * unbounded parsers held it for 20 s and more, or ended the process.
 */
let cluster: TestCluster;
const stallBoundMs = 1500;

const configMaps = "/api/v1/namespaces/default/configmaps";
const target = `${configMaps}/target`;
const merge = "application/merge-patch+json";
const strategic = "application/strategic-merge-patch+json";
const jsonPatch = "application/json-patch+json";
const yaml = "application/yaml";
const protobuf = "application/vnd.kubernetes.protobuf";

beforeAll(async () => {
  cluster = await testCluster("hostile");
  const created = await cluster.call("POST", configMaps, {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "target" },
    data: { a: "1" },
  });
  expect(created.status).toBe(201);
}, 120_000);
afterAll(() => cluster.db.cleanup());

/** Sends the request with the stall probe running; asserts the answer is a 4xx Status and the loop stayed free. */
async function refused(
  method: string,
  path: string,
  body: string | Uint8Array,
  contentType: string,
  code?: number,
): Promise<KubeAnswer> {
  const { result, stallMs } = await measureStall(() => cluster.call(method, path, body, contentType));
  const shown = `${method} ${contentType} → ${result.status} ${JSON.stringify(result.body).slice(0, 300)}`;
  expect(stallMs, `${shown}: the event loop was held ${Math.round(stallMs)} ms`).toBeLessThan(stallBoundMs);
  expect(result.status, shown).toBeGreaterThanOrEqual(400);
  expect(result.status, shown).toBeLessThan(500);
  if (code !== undefined) expect(result.status, shown).toBe(code);
  expect(result.body, shown).toMatchObject({
    kind: "Status",
    apiVersion: "v1",
    status: "Failure",
    code: result.status,
  });
  expect(typeof result.body.message === "string" && result.body.message.length > 10, shown).toBe(true);
  // The process still answers, and the object is as it was.
  expect((await cluster.call("GET", "/healthz")).status).toBe(200);
  return result;
}

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
const objectVerbs = [
  ["POST", configMaps],
  ["PUT", target],
] as const;
const patchTypes = [merge, strategic, jsonPatch] as const;

describe("bodies nested deeper than the API reads", () => {
  it("refuses a YAML body of 100,000 [ on POST and PUT alike (PUT used to end the process)", async () => {
    for (const [method, path] of objectVerbs) {
      const answer = await refused(method, path, "[".repeat(100_000), yaml, 400);
      expect(answer.body.message).toMatch(new RegExp(`deeper than ${maxNestingDepth} levels`));
    }
  });

  it("refuses deep YAML in block style (compact sequences, indentation) and deep flow mappings", async () => {
    const bodies = [
      "- ".repeat(100_000) + "x",
      Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}a:`).join("\n"),
      "{a: ".repeat(100_000),
    ];
    for (const [method, path] of objectVerbs) for (const body of bodies) await refused(method, path, body, yaml, 400);
  });

  it("takes YAML and JSON exactly 100 levels deep, and refuses 101", async () => {
    const nested = (levels: number) => ({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "target" },
      data: { a: "1" },
      extra: JSON.parse(`${'{"a":'.repeat(levels - 2)}{}${"}".repeat(levels - 2)}`),
    });
    const flowYaml = (levels: number) => JSON.stringify(nested(levels)); // JSON is YAML's flow style
    const blockYaml = (levels: number) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: target\ndata:\n  a: "1"\nextra:\n${Array.from({ length: levels - 2 }, (_, i) => `${" ".repeat(2 * (i + 1))}a:`).join("\n")} {}\n`;
    for (const [body, type] of [
      [JSON.stringify(nested(100)), "application/json"],
      [flowYaml(100), yaml],
      [blockYaml(100), yaml],
    ] as const) {
      expect((await cluster.call("PUT", target, body, type)).status, `${type} ${body.slice(0, 60)}`).toBe(200);
    }
    for (const [body, type] of [
      [JSON.stringify(nested(101)), "application/json"],
      [flowYaml(101), yaml],
      [blockYaml(101), yaml],
    ] as const) {
      await refused("PUT", target, body, type, 400);
    }
  });

  it("refuses deep JSON on POST, PUT and every patch type, unclosed or well-formed", async () => {
    const bodies = [
      "[".repeat(1_000_000),
      `${'{"a":'.repeat(200_000)}1${"}".repeat(200_000)}`,
      `{"data":${"[".repeat(500_000)}${"]".repeat(500_000)}}`,
    ];
    for (const body of bodies) {
      for (const [method, path] of objectVerbs) await refused(method, path, body, "application/json", 400);
      for (const type of patchTypes) await refused("PATCH", target, body, type, 400);
    }
  });

  it("refuses a deep strategic merge patch, and one whose $setElementOrder nests deep", async () => {
    const deep = `{"data":${'{"a":'.repeat(50_000)}null${"}".repeat(50_000)}}`;
    await refused("PATCH", target, deep, strategic, 400);
    const deepOrder = `{"spec":{"$setElementOrder/ports":${"[".repeat(50_000)}${"]".repeat(50_000)}}}`;
    await refused("PATCH", target, deepOrder, strategic, 400);
  });

  it("refuses JSON patches that would nest the object deeper than it may (deep paths, copies into themselves)", async () => {
    const deepPath = JSON.stringify([{ op: "add", path: "/a".repeat(100_000), value: 1 }]);
    expect((await refused("PATCH", target, deepPath, jsonPatch, 422)).body.message).toMatch(
      /more than 100 levels deep/,
    );
    // A copy of /x into its own deepest object doubles its depth: 30, 60, then 120 levels.
    const chain = (levels: number): unknown => (levels === 0 ? {} : { x: chain(levels - 1) });
    const doubling = JSON.stringify([
      { op: "add", path: "/x", value: chain(30) },
      ...[30, 60].map((d) => ({ op: "copy", from: "/x", path: "/x".repeat(d + 1) })),
    ]);
    expect((await refused("PATCH", target, doubling, jsonPatch, 422)).body.message).toMatch(/deeper than 100 levels/);
    const deepValue = JSON.stringify([
      {
        op: "add",
        path: `/metadata${"/a".repeat(50)}`.replace(/\/a$/, ""),
        value: JSON.parse(`${'{"a":'.repeat(60)}1${"}".repeat(60)}`),
      },
    ]);
    await refused("PATCH", target, deepValue, jsonPatch);
  });
});

describe("bodies larger than the API reads", () => {
  it("answers a YAML alias bomb 400 without expanding it", async () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ..."bcdefghi".split("").map((n, i) => `${n}: &${n} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`),
    ].join("\n");
    for (const [method, path] of objectVerbs)
      expect((await refused(method, path, bomb, yaml, 400)).body.message).toMatch(/alias/);
  });

  it("answers a huge YAML flow or block sequence 413, saying to send JSON", async () => {
    const flow = `[${"1,".repeat(1_500_000)}1]`;
    const block = "- 1\n".repeat(700_000);
    for (const [method, path] of objectVerbs) {
      for (const body of [flow, block])
        expect((await refused(method, path, body, yaml, 413)).body.message).toMatch(/Send it as JSON/);
    }
  });

  it("answers a JSON patch of 1,000,000 operations 413 before parsing it, and one of 10,001 as the API server does", async () => {
    const answer = await refused("PATCH", target, `[${Array(1_000_000).fill("{}").join(",")}]`, jsonPatch, 413);
    expect(answer.body.message).toBe(
      "error decoding patch: it holds more than 100000 objects and lists; this API reads at most 100000 in one body",
    );
    const many = `[${Array(10_001).fill('{"op":"test","path":"/data/a","value":"1"}').join(",")}]`;
    expect((await refused("PATCH", target, many, jsonPatch, 413)).body.message).toBe(
      "The allowed maximum operations in a JSON patch is 10000, got 10001",
    );
  });

  it("bounds a JSON patch's work: 10,000 insertions at the head of a 200,000-element list are refused, not run", async () => {
    const operations = [
      { op: "add", path: "/x", value: Array(200_000).fill(1) },
      ...Array.from({ length: 9_999 }, () => ({ op: "add", path: "/x/0", value: 1 })),
    ];
    const answer = await refused("PATCH", target, JSON.stringify(operations), jsonPatch, 422);
    expect(answer.body.message).toMatch(/move more than 5000000 list elements in all/);
  });

  it("answers a body past 3 MiB 413 on every verb", async () => {
    const big = `{"data":{"a":"${"x".repeat(3 * 1024 * 1024)}"}}`;
    for (const [method, path] of objectVerbs) await refused(method, path, big, "application/json", 413);
    await refused("PATCH", target, big, merge, 413);
  });
});

/** A `k8s\0` body whose runtime.Unknown envelope names a v1 ConfigMap and carries `raw`. */
const envelope = (raw: number[]) => pbEnvelope("v1", "ConfigMap", raw);
const field = pbField;
const text = pbText;

describe("protobuf bodies", () => {
  it("refuses deep nesting and lengths past the end of the body with 400", async () => {
    const deepGroups = envelope([...Array(200_000).fill(0x7b), ...Array(200_000).fill(0x7c)]); // field 15, start/end group
    const metadata = field(1, field(1, text("pb")));
    const hugeLength = envelope([0x0a, ...varint(0x7ffffff0)]);
    const hugeRaw = new Uint8Array([0x6b, 0x38, 0x73, 0x00, 0x12, ...varint(0x7ffffff0), 1, 2, 3]);
    const hugeMap = envelope([...metadata, 0x12, ...varint(0x7ffffff0), 0x0a, 0x01]);
    for (const body of [deepGroups, hugeLength, hugeRaw, hugeMap]) {
      for (const [method, path] of objectVerbs) await refused(method, path, body, protobuf, 400);
    }
  });
});

describe("protobuf bodies of many values", () => {
  it("answers 413 past 200,000 messages and strings, before decoding them all", async () => {
    const entry = (i: number) => field(2, [...field(1, text(`k${i}`)), ...field(2, [])]);
    const manyEntries = envelope([
      ...field(1, field(1, text("target"))),
      ...Array.from({ length: 250_000 }, (_, i) => entry(i)).flat(),
    ]);
    expect(manyEntries.length).toBeLessThan(3 * 1024 * 1024);
    for (const [method, path] of objectVerbs) {
      const answer = await refused(method, path, manyEntries, protobuf, 413);
      expect(answer.body.message).toBe(
        "the protobuf body holds more than 200000 values (messages, strings and bytes); this API reads at most 200000 in one body",
      );
    }
  });
});

describe("text that is not Unicode", () => {
  it("answers invalid UTF-8 400 on POST, PUT and PATCH (it was a 500: the warning header could not hold it)", async () => {
    const body = latin1('{"\xc3\x28":1}');
    for (const [method, path] of objectVerbs) {
      const answer = await refused(method, path, body, "application/json", 400);
      expect(answer.body.message).toBe(
        "the body is not valid UTF-8: the bytes at offset 2 are not a character. Send the text encoded as UTF-8.",
      );
    }
    for (const type of patchTypes) await refused("PATCH", target, body, type, 400);
    await refused("PUT", target, latin1("data:\n  a: \xff\n"), yaml, 400);
  });

  it("refuses a lone surrogate in a value or a key, in JSON, YAML, patches and protobuf, before it reaches the database", async () => {
    const withData = (data: string) =>
      `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"target"},"data":${data}}`;
    for (const data of ['{"a":"\\ud800"}', '{"\\udc00":"x"}', '{"a":"x\\udbffy"}']) {
      for (const [method, path] of objectVerbs) {
        const answer = await refused(method, path, withData(data), "application/json", 400);
        expect(answer.body.message).toMatch(/not valid Unicode \(a lone surrogate/);
      }
      await refused("PATCH", target, `{"data":${data}}`, merge, 400);
      await refused("PATCH", target, `{"data":${data}}`, strategic, 400);
    }
    await refused("PATCH", target, '[{"op":"add","path":"/data/\\ud800","value":"x"}]', jsonPatch, 400);
    await refused(
      "PUT",
      target,
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: target\ndata:\n  a: "\\ud800"\n',
      yaml,
      400,
    );
    // A surrogate encoded as three bytes (CESU-8) is not UTF-8: refused, not stored as U+FFFD.
    const surrogateData = envelope([
      ...field(1, field(1, text("target"))),
      ...field(2, [...field(1, text("a")), ...field(2, [0xed, 0xa0, 0x80])]),
    ]);
    expect((await refused("PUT", target, surrogateData, protobuf, 400)).body.message).toBe(
      "the protobuf ConfigMap could not be decoded: a string in it is not valid UTF-8. Send strings encoded as UTF-8.",
    );
    // Nothing was stored: the object still holds what it held.
    expect((await cluster.call("GET", target)).body.data).toEqual({ a: "1" });
  });

  it("answers an unknown field with a name outside ASCII with the warning escaped, not a 500", async () => {
    const body = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "target" },
      data: { a: "1" },
      "naïve\ufffd\r\n": 1,
    };
    const answer = await cluster.call("PUT", target, body);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("warning")).toBe(
      '299 - "unknown field \\"naïve\\ufffd\\r\\n\\""'.replace("ï", "\\u00ef"),
    );
  });
});
