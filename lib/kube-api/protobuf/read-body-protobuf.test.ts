import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KubeError } from "../kube-status";
import { bodyLimit, parseObject, readBody, readBodyBytes } from "../write/read-body";

const deploymentBody = new Uint8Array(fs.readFileSync(path.join(__dirname, "fixtures", "kubectl-deployment.pb")));
const protobufType = "application/vnd.kubernetes.protobuf";

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    if (e instanceof KubeError) return { code: e.code, reason: e.reason, message: e.message };
    throw e;
  }
  throw new Error("no failure");
};

describe("the write path's body reading, protobuf included", () => {
  it("reads a binary body byte for byte (as text it is refused: it is not UTF-8)", async () => {
    const request = new Request("http://x/", { method: "POST", body: deploymentBody });
    expect([...(await readBodyBytes(request))]).toEqual([...deploymentBody]);
    await expect(readBody(new Request("http://x/", { method: "POST", body: deploymentBody }))).rejects.toMatchObject({
      code: 400,
      message: expect.stringMatching(/not valid UTF-8/),
    });
  });

  it("keeps the 3 MiB limit: 413 by the declared length, and by the bytes streamed", async () => {
    const declared = new Request("http://x/", {
      method: "POST",
      headers: { "content-length": String(bodyLimit + 1) },
      body: "x",
    });
    await expect(readBodyBytes(declared)).rejects.toMatchObject({ code: 413, reason: "RequestEntityTooLarge" });
    const streamed = new Request("http://x/", { method: "POST", body: new Uint8Array(bodyLimit + 1) });
    await expect(readBodyBytes(streamed)).rejects.toMatchObject({ code: 413, reason: "RequestEntityTooLarge" });
  });

  it("decodes application/vnd.kubernetes.protobuf (with parameters too) to the object its JSON would be", () => {
    const object = parseObject(deploymentBody, protobufType) as { kind: string; metadata: { name: string } };
    expect(object).toMatchObject({ kind: "Deployment", apiVersion: "apps/v1", metadata: { name: "web" } });
    expect(parseObject(deploymentBody, `${protobufType}; charset=binary`)).toEqual(object);
  });

  it("still reads JSON and YAML from bytes or text", () => {
    const json = Buffer.from('{"kind":"Namespace","metadata":{"name":"é"}}');
    expect(parseObject(json, "application/json")).toEqual({ kind: "Namespace", metadata: { name: "é" } });
    expect(parseObject(json.toString("utf8"), "")).toEqual({ kind: "Namespace", metadata: { name: "é" } });
    expect(parseObject(Buffer.from("kind: Namespace\n"), "application/yaml")).toEqual({ kind: "Namespace" });
  });

  it("answers 400 for a protobuf body that is not one, 415 for other media types", () => {
    expect(failure(() => parseObject(Buffer.from("{}"), protobufType))).toMatchObject({
      code: 400,
      reason: "BadRequest",
    });
    expect(failure(() => parseObject(deploymentBody, "application/cbor"))).toEqual({
      code: 415,
      reason: "UnsupportedMediaType",
      message:
        'the body\'s media type "application/cbor" is not supported: send application/json, application/yaml or application/vnd.kubernetes.protobuf',
    });
  });
});
