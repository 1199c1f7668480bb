import { parse } from "yaml";
import { badRequest, requestEntityTooLarge, unsupportedMediaType } from "../kube-status";
import { decodeKubeProtobuf, kubeProtobufMediaType } from "../protobuf/decode-kube-protobuf";

/** The API server's limit on a request body. */
export const bodyLimit = 3 * 1024 * 1024;

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

/** Body bytes as UTF-8 text (JSON, YAML, patches). */
export const bodyText = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");

const tooLarge = () => requestEntityTooLarge(`Request entity too large: limit is ${bodyLimit}`);

/**
 * A create or update body: JSON, YAML when the client says so (one document, no aliases to blow up), or
 * Kubernetes protobuf — what client-go's typed clients send (kubectl create deployment, namespace, …), with no
 * retry as JSON after a 415 — decoded from the bytes to the object its JSON would be.
 */
export function parseObject(body: string | Uint8Array, contentType: string): unknown {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === kubeProtobufMediaType) {
    if (typeof body === "string") throw new Error("a protobuf body is binary: read it with readBodyBytes");
    return decodeKubeProtobuf(body);
  }
  const text = typeof body === "string" ? body : bodyText(body);
  if (type === "application/yaml" || type === "application/x-yaml" || type === "text/yaml") {
    try {
      return parse(text, { maxAliasCount: 0, prettyErrors: false });
    } catch (e) {
      throw badRequest(`the body is not valid YAML: ${e instanceof Error ? e.message.split("\n")[0] : "unreadable"}`);
    }
  }
  if (type !== "" && type !== "application/json" && type !== "*/*") {
    throw unsupportedMediaType(`the body's media type "${type.slice(0, 60)}" is not supported: send application/json, application/yaml or ${kubeProtobufMediaType}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`the body is not valid JSON: ${e instanceof Error ? e.message : "unreadable"}`);
  }
}
