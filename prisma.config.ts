import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The Prisma CLI is a development tool here: it turns schema.prisma into migration SQL (scripts/new-migration.mjs).
// Prisma 6.19's JS schema engine works through a driver adapter, so no engine binary is downloaded; it needs a
// URL even for an offline diff, and never connects for one.
// Without DATABASE_URL, Prisma 6.19 falls back to fetching a query engine binary.
const url = (process.env.DATABASE_URL ??= "postgres://localhost:5432/clusterport");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return new PrismaPg({ connectionString: url });
  },
});
