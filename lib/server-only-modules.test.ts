import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();

/**
 * Modules that a script run by tsx imports (the seed, the server script, the worker): outside Next.js's
 * react-server build `server-only` throws, so these stay unmarked. Each reason names the importer.
 */
const importedOutsideNext: Record<string, string> = {
  "lib/auth/auth-client.ts": "a client module",
  "lib/auth/auth.ts": "prisma/seed.ts",
  "lib/auth/sign-in-throttle.ts": "lib/auth/auth.ts",
  "lib/data/ensure-certificate-authority.ts": "scripts/serve.ts",
};

function modulesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === "testing" ? [] : modulesUnder(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const marksServerOnly = (file: string) =>
  /^import "server-only";$/m.test(fs.readFileSync(path.join(root, file), "utf8"));

describe('import "server-only"', () => {
  const modules = [...modulesUnder("lib/data"), ...modulesUnder("lib/auth")];

  it("opens every server module of lib/data and lib/auth, so a client component cannot import one", () => {
    const unmarked = modules.filter((file) => !(file in importedOutsideNext) && !marksServerOnly(file));
    expect(unmarked).toEqual([]);
  });

  it("stays out of the modules that scripts run by tsx import", () => {
    const marked = modules.filter((file) => file in importedOutsideNext && marksServerOnly(file));
    expect(marked).toEqual([]);
  });
});
