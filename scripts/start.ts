// `npm start`: the database (an embedded PostgreSQL under DATA_DIR unless DATABASE_URL names a server), its
// migrations, the demo account, a build when the sources changed since the last one, then the web server.
// With --fresh (the e2e suite) the embedded database is recreated first.
//
// Shutdown order matters: Ctrl-C or SIGTERM goes to the web server, which finishes or hands back the engine's
// steps and closes its connections; only when it has exited is the embedded database stopped.
// A web server that dies is started again, at most once a second (scripts/supervise.ts); docs/deploy.md shows the
// systemd unit that does the same for `npm start` itself on a server.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { checkDatabase, maskDatabaseUrl } from "@/lib/db/describe-database-error";
import { DatabaseStartError, startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { ConfigError, assertConfiguration } from "@/lib/env";
import { buildFingerprint } from "./build-fingerprint";
import { supervise, type Supervisor } from "./supervise";

const root = path.resolve(__dirname, "..");
// Nothing may call out at run time: Next.js telemetry would.
process.env.NEXT_TELEMETRY_DISABLED = "1";
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

let embedded: EmbeddedPostgres | undefined;
let server: Supervisor | undefined;
let stopping = false;

/** The embedded database is detached from the terminal: every way out goes through here to stop it. */
async function exit(code: number): Promise<never> {
  await embedded?.stop().catch(() => {});
  process.exit(code);
}

function fail(message: string): Promise<never> {
  console.error(`✖ ${message}`);
  return exit(1);
}

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal}).`);
}

async function main() {
  // Ctrl-C reaches us (and, through the terminal, the web server) possibly more than once: act once.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      if (server) server.stop();
      else void exit(130);
    });
  }

  assertConfiguration({ databaseUrlOptional: true });
  const dataDir = path.resolve(root, process.env.DATA_DIR?.trim() || "data");
  if (process.env.DATABASE_URL?.trim()) {
    await checkDatabase(process.env.DATABASE_URL.trim());
    console.log(`Using the database at ${maskDatabaseUrl(process.env.DATABASE_URL.trim())}`);
  } else {
    const port = embeddedPort();
    const fresh = process.argv.includes("--fresh");
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port,
      fresh,
      log: (line) => console.log(line),
    });
    process.env.DATABASE_URL = embedded.url;
    const shown = dataDir.startsWith(`${root}${path.sep}`) ? path.relative(root, dataDir) : dataDir;
    console.log(`PostgreSQL is running on 127.0.0.1:${embedded.port} (files in ${path.join(shown, "postgres")}).`);
  }

  const { env } = await import("@/lib/env");
  const config = env();

  const applied = await migrate(config.databaseUrl);
  if (applied.length > 0)
    console.log(
      `Applied ${applied.length} database migration${applied.length === 1 ? "" : "s"}: ${applied.join(", ")}`,
    );
  const { seedDemoAccount, demoAccount } = await import("../prisma/seed");
  await seedDemoAccount();
  const { closeDatabase } = await import("@/lib/db/database");
  await closeDatabase();

  const stamp = path.join(root, ".next", "clusterport-fingerprint");
  const fingerprint = buildFingerprint(root);
  const built =
    fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
    fs.readFileSync(stamp, { encoding: "utf8", flag: "a+" }) === fingerprint;
  if (!built) {
    console.log("Building the app (first start or sources changed)…");
    run(bin("next"), ["build"], "Building the app");
    fs.writeFileSync(stamp, fingerprint);
  }
  if (stopping) return exit(130);

  console.log(`\nClusterport is starting at ${config.appUrl}`);
  console.log(`Demo account: ${demoAccount.email} / ${demoAccount.password} (Business plan)\n`);
  server = supervise({
    start: () =>
      spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "serve.ts")], {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, NODE_ENV: "production" },
      }),
    log: (line) => console.error(line),
    exit: (code) => void exit(code),
  });
}

/** EMBEDDED_POSTGRES_PORT, if set: a port number, else this stops the start with the reason. */
function embeddedPort(): number | undefined {
  const value = process.env.EMBEDDED_POSTGRES_PORT?.trim();
  if (!value) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new ConfigError(`EMBEDDED_POSTGRES_PORT must be a port number from 1024 to 65535; got "${value}".`);
  }
  return port;
}

main().catch((e: unknown) => {
  if (e instanceof DatabaseStartError || e instanceof ConfigError)
    return fail(`${e.message}\nFix it (see README.md, Configuration) and start again.`);
  if (e instanceof Error) return fail(e.message);
  return fail(String(e));
});
