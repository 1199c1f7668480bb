import { parseAllDocuments, parseDocument, isMap, LineCounter } from "yaml";
import { textLimitProblem, toPlainValue, yamlLimits, type YamlProblem } from "./yaml-limits";

export type { YamlProblem } from "./yaml-limits";
export const maxYamlBytes = yamlLimits.bytes;

function lineOf(counter: LineCounter, offset: number | undefined): number {
  return counter.linePos(offset ?? 0).line;
}

/**
 * Checks Kubernetes manifests: within the YAML limits, the text parses and every non-empty document is a
 * mapping with apiVersion, kind and metadata.name. Returns the first problems found, each at its line.
 */
export function checkManifests(text: string): YamlProblem[] {
  const limit = textLimitProblem(text);
  if (limit) return [limit];
  const counter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: counter, prettyErrors: false });
  if (!Array.isArray(docs)) return [{ line: 1, message: "could not be read as YAML" }];
  const problems: YamlProblem[] = [];
  let seen = 0;
  docs.forEach((doc, i) => {
    const n = i + 1;
    for (const err of doc.errors) {
      problems.push({ line: lineOf(counter, err.pos[0]), message: `is not valid YAML (${firstLine(err.message)})` });
    }
    if (doc.errors.length > 0 || doc.contents === null) return;
    seen += 1;
    const start = lineOf(counter, doc.contents.range?.[0]);
    if (!isMap(doc.contents)) {
      problems.push({ line: start, message: `document ${n} must be a mapping with apiVersion, kind and metadata` });
      return;
    }
    const read = toPlainValue(doc, counter);
    if ("problem" in read) {
      problems.push(read.problem);
      return;
    }
    const obj = read.value as Record<string, unknown>;
    const missing: string[] = [];
    if (typeof obj.apiVersion !== "string" || obj.apiVersion === "") missing.push("apiVersion");
    if (typeof obj.kind !== "string" || obj.kind === "") missing.push("kind");
    const meta = obj.metadata as Record<string, unknown> | undefined;
    if (typeof meta?.name !== "string" || meta.name === "") missing.push("metadata.name");
    if (missing.length > 0) problems.push({ line: start, message: `document ${n} has no ${missing.join(", ")}` });
  });
  if (problems.length === 0 && seen === 0) problems.push({ line: 1, message: "contains no Kubernetes objects" });
  return problems.slice(0, 5);
}

/** Checks Helm values: empty, or YAML within the limits whose top level is a mapping. */
export function checkHelmValues(text: string): YamlProblem[] {
  const limit = textLimitProblem(text);
  if (limit) return [limit];
  if (text.trim() === "") return [];
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return doc.errors
      .slice(0, 5)
      .map((err) => ({ line: lineOf(counter, err.pos[0]), message: `is not valid YAML (${firstLine(err.message)})` }));
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return [{ line: lineOf(counter, doc.contents.range?.[0]), message: "must be a mapping of keys to values" }];
  }
  const read = toPlainValue(doc, counter);
  return "problem" in read ? [read.problem] : [];
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

export function formatYamlProblems(label: string, problems: YamlProblem[]): string {
  return problems.map((p) => `Line ${p.line}: ${label} ${p.message}.`).join(" ");
}
