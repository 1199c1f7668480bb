import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/database-url";

// Every CLI command must see DATABASE_URL: without it Prisma 6.19 falls back to fetching a query engine
// binary, which cannot be downloaded here. databaseUrl() sets the default.
const url = databaseUrl();

// Prisma 6.19's JS schema engine runs migrations through the driver adapter: no engine binary is downloaded.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
