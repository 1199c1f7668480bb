import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const inputs = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.ts",
  "instrumentation.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const skip = new Set(["generated", "node_modules"]);

/** A hash of every build input's path, size and modification time: changes whenever a rebuild is due. */
export function buildFingerprint(root: string): string {
  const hash = crypto.createHash("sha256");
  const visit = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) if (!skip.has(entry)) visit(path.join(p, entry));
    } else if (!/\.test\.tsx?$/.test(p)) {
      hash.update(`${path.relative(root, p)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const input of inputs) visit(path.join(root, input));
  return hash.digest("hex");
}
