// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or to the embedded database a local
// `npm start` runs) and exits — for deploy pipelines that migrate before rolling out new servers.
import path from "node:path";
import { checkDatabase, maskDatabaseUrl } from "@/lib/db/describe-database-error";
import { findRunningEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";

async function main() {
  let url = process.env.DATABASE_URL?.trim();
  if (!url) {
    url = findRunningEmbeddedPostgres(path.resolve(process.env.DATA_DIR?.trim() || "data", "postgres"))?.url;
    if (!url)
      throw new Error("No database: set DATABASE_URL, or start the app (npm start) to migrate its embedded database.");
  }
  await checkDatabase(url);
  const applied = await migrate(url, () => {});
  console.log(
    applied.length > 0
      ? `Applied to ${maskDatabaseUrl(url)}: ${applied.join(", ")}`
      : `${maskDatabaseUrl(url)} is up to date.`,
  );
}

main().catch((e: unknown) => {
  console.error(`✖ ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
