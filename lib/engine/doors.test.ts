import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * House rule 11, checked: code outside lib/engine reaches the engine through its two doors only — `@/lib/engine`
 * (index.ts) and `@/lib/engine/sim` (the simulated infrastructure step handlers and the Kubernetes API share) —
 * and inside the engine only its store speaks SQL. Tests, `testing/` helpers and benchmarks may reach further.
 */
const root = path.resolve(__dirname, "../..");
const scanned = ["app", "components", "lib", "scripts", "cli", "proxy.ts"];

function sourceFiles(entry: string): string[] {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory()
        ? sourceFiles(path.join(entry, d.name))
        : /\.(ts|tsx)$/.test(d.name)
          ? [path.join(entry, d.name)]
          : [],
    );
}

const isTestOnly = (file: string) => /\.test\.tsx?$/.test(file) || file.split(path.sep).includes("testing");
const files = scanned.flatMap(sourceFiles).filter((f) => !isTestOnly(f));

/** Where an import specifier lands, as a path from the repository's root (aliases and relative paths resolved). */
function target(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.relative(root, path.resolve(root, path.dirname(file), specifier));
  return null;
}

const importsOf = (file: string) =>
  [...fs.readFileSync(path.join(root, file), "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);

describe("the engine's doors", () => {
  it("finds the code to check", () => {
    expect(files).toContain(path.join("lib", "data", "create-environment.ts"));
    expect(files.some((f) => f.startsWith(path.join("lib", "engine", "store")))).toBe(true);
  });

  it("is entered from outside only through lib/engine and lib/engine/sim", () => {
    const doors = new Set(["lib/engine", "lib/engine/index", "lib/engine/sim", "lib/engine/sim/index"]);
    const around = files
      .filter((f) => !f.startsWith(`lib${path.sep}engine${path.sep}`))
      .flatMap((f) =>
        importsOf(f)
          .map((s) => target(f, s)?.split(path.sep).join("/"))
          .filter((t): t is string => t !== undefined && t !== null && t.startsWith("lib/engine") && !doors.has(t))
          .map((t) => `${f} → ${t}`),
      );
    expect(around).toEqual([]);
  });

  it("speaks SQL only in its store", () => {
    const sql = files.filter(
      (f) =>
        f.startsWith(`lib${path.sep}engine${path.sep}`) &&
        !f.startsWith(path.join("lib", "engine", "store") + path.sep) &&
        /\.query(?:<[^>]*>)?\(|\$queryRaw|\$executeRaw/.test(fs.readFileSync(path.join(root, f), "utf8")),
    );
    expect(sql).toEqual([]);
  });
});
