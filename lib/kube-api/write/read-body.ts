import { KubeError, badRequest, requestEntityTooLarge, unsupportedMediaType } from "../kube-status";
import { decodeKubeProtobuf, kubeProtobufMediaType } from "../protobuf/decode-kube-protobuf";
import { bodyLimit, maxNestingDepth } from "./body-limits";
import { decodeUtf8 } from "./decode-utf8";
import { jsonTextProblem } from "./json-text-problem";
import { parseYamlBody } from "./parse-yaml-body";
import { valueProblem } from "./value-problem";

export { bodyLimit };

/** The request body as text, refused with 413 past the limit without reading it all into memory. */
export async function readBody(request: Request): Promise<string> {
  return bodyText(await readBodyBytes(request));
}

/** The request body as bytes (a protobuf body is binary), refused with 413 past the limit likewise. */
export async function readBodyBytes(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > bodyLimit) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > bodyLimit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Body bytes as UTF-8 text (JSON, YAML, patches): 400 when they are not UTF-8. */
export const bodyText = (bytes: Uint8Array) => decodeUtf8(bytes);

const tooLarge = () => requestEntityTooLarge(`Request entity too large: limit is ${bodyLimit}`);

/**
 * A create or update body: JSON, YAML when the client says so (one document, no aliases to blow up), or
 * Kubernetes protobuf — what client-go's typed clients send (kubectl create deployment, namespace, …), with no
 * retry as JSON after a 415 — decoded from the bytes to the object its JSON would be. Whatever the encoding,
 * the input is bounded before it is parsed (size, UTF-8, nesting, YAML's tokens: body-limits.ts) and the
 * object checked after (nesting, lone surrogates), so that what reaches recursive code and the database is
 * always small enough and storable. Each refusal is a 4xx KubeError.
 */
export function parseObject(body: string | Uint8Array, contentType: string): unknown {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  const object = decode(body, type);
  const problem = valueProblem(object, maxNestingDepth);
  if (problem) throw badRequest(`the body cannot be read as an object: ${problem}`);
  return object;
}

function decode(body: string | Uint8Array, type: string): unknown {
  if (type === kubeProtobufMediaType) {
    if (typeof body === "string") throw new Error("a protobuf body is binary: read it with readBodyBytes");
    return decodeKubeProtobuf(body);
  }
  const isYaml = type === "application/yaml" || type === "application/x-yaml" || type === "text/yaml";
  if (!isYaml && type !== "" && type !== "application/json" && type !== "*/*") {
    throw unsupportedMediaType(
      `the body's media type "${type.slice(0, 60)}" is not supported: send application/json, application/yaml or ${kubeProtobufMediaType}`,
    );
  }
  const text = typeof body === "string" ? body : bodyText(body);
  if (isYaml) return parseYamlBody(text);
  const problem = jsonTextProblem(text);
  if (problem)
    throw new KubeError(
      problem.code,
      problem.code === 413 ? "RequestEntityTooLarge" : "BadRequest",
      `the body cannot be read as an object: ${problem.message}`,
    );
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`the body is not valid JSON: ${e instanceof Error ? e.message.slice(0, 200) : "unreadable"}`);
  }
}
