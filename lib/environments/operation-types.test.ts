import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { operationLabels } from "./operation-types";

// docs/engine.md once listed 7 operation types of 12; its table must now name every one, and nothing else.
describe("docs/engine.md's table of operation types", () => {
  it("lists exactly the operation types the engine knows", () => {
    const doc = fs.readFileSync(path.join(process.cwd(), "docs", "engine.md"), "utf8");
    const table = doc.slice(doc.indexOf("| Type | What it does |")).split("\n\n")[0] ?? "";
    const documented = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual(Object.keys(operationLabels).sort());
  });
});
