import { parse } from "yaml";
import { badRequest, requestEntityTooLarge, unsupportedMediaType } from "../kube-status";

/** The API server's limit on a request body. */
export const bodyLimit = 3 * 1024 * 1024;

/** The request body as text, refused with 413 past the limit without reading it all into memory. */
export async function readBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > bodyLimit) throw tooLarge();
  if (!request.body) return "";
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
  return Buffer.concat(chunks).toString("utf8");
}

const tooLarge = () => requestEntityTooLarge(`Request entity too large: limit is ${bodyLimit}`);

/** A create or update body: JSON, or YAML when the client says so (one document, no aliases to blow up). */
export function parseObject(text: string, contentType: string): unknown {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "application/yaml" || type === "application/x-yaml" || type === "text/yaml") {
    try {
      return parse(text, { maxAliasCount: 0, prettyErrors: false });
    } catch (e) {
      throw badRequest(`the body is not valid YAML: ${e instanceof Error ? e.message.split("\n")[0] : "unreadable"}`);
    }
  }
  if (type !== "" && type !== "application/json" && type !== "*/*") {
    throw unsupportedMediaType(`the body's media type "${type.slice(0, 60)}" is not supported: send application/json or application/yaml`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`the body is not valid JSON: ${e instanceof Error ? e.message : "unreadable"}`);
  }
}
