// Usage: npm run db:migration -- <name>
// Prisma's JS schema engine cannot run `migrate dev` (no shadow database), so a migration is written by
// diffing the schema as last committed against the working schema. Commit the schema with its migration.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Give the migration a name of lowercase letters, digits and underscores: npm run db:migration -- add_steps");
  process.exit(1);
}
// Inside the project: outside it, Prisma does not find its local engines and tries to download one.
const before = path.join("prisma", ".previous-schema.prisma");
fs.writeFileSync(before, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" }));
let sql;
try {
  sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-schema-datamodel", before, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { encoding: "utf8" },
  );
} finally {
  fs.rmSync(before, { force: true });
}
if (!/\b(CREATE|ALTER|DROP|INSERT)\b/.test(sql)) {
  console.error("The schema has no changes since the last commit; no migration written.");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql`);
