import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as plan from "./index";

const dir = path.resolve(__dirname);
const sources = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => ({ file: f, text: readFileSync(path.join(dir, f), "utf8") }));

// lib/plan runs in the browser (live preview) and in the engine, so it must stay pure and client-safe.
describe("lib/plan module boundaries", () => {
  it("has source files to check", () => {
    expect(sources.map((s) => s.file)).toContain("compute-plan.ts");
  });

  it("imports only the catalogue, its own files, the name schema, and types from the install settings", () => {
    for (const { file, text } of sources) {
      for (const match of text.matchAll(/^(import|export)(\s+type)?\b[^;]*?from\s+"([^"]+)"/gms)) {
        const typeOnly = match[2] !== undefined;
        const from = match[3]!;
        const allowed =
          from === "@/lib/catalog" ||
          // The name's schema: the plan shows a domain only for a name the server accepts (zod is client-safe).
          from === "@/lib/validations/environment-name" ||
          from.startsWith("./") ||
          (typeOnly && from === "@/lib/validations/install-settings");
        expect(allowed, `${file} imports ${typeOnly ? "type " : ""}from ${from}`).toBe(true);
      }
    }
  });

  it("reads no clock and no randomness", () => {
    for (const { file, text } of sources) {
      expect(/\bDate\b|Math\.random|performance\.now|crypto\./.test(text), file).toBe(false);
    }
  });

  it("exports the public API", () => {
    for (const name of [
      "computePlan",
      "assessTopologies",
      "criticalPath",
      "topologicalOrder",
      "findGraphProblems",
      "scheduleSteps",
      "stepNames",
      "isStepName",
      "describeStep",
      "planStages",
      "quotaLabels",
    ]) {
      expect(plan, name).toHaveProperty(name);
    }
  });
});
