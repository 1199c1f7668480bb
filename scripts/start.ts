// `npm start`: validate configuration, apply migrations, seed the demo account, build if the sources changed
// since the last build, then serve. With --fresh (used by the e2e suite) the database is recreated first.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ConfigError, env } from "@/lib/env";
import { buildFingerprint } from "./build-fingerprint";

const root = path.resolve(__dirname, "..");
// Nothing may call out at run time: Next.js telemetry would.
process.env.NEXT_TELEMETRY_DISABLED = "1";
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(command: string, args: string[], what: string) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n✖ ${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

async function main() {
  let config;
  try {
    config = env();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`✖ ${e.message}\nFix the variables above (see README.md, Configuration) and start again.`);
      process.exit(1);
    }
    throw e;
  }

  if (process.argv.includes("--fresh")) {
    const file = path.resolve(root, config.databaseUrl.slice("file:".length));
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  }

  run(bin("prisma"), ["migrate", "deploy"], "Applying database migrations");
  const { seedDemoAccount, demoAccount } = await import("../prisma/seed");
  await seedDemoAccount();

  const stamp = path.join(root, ".next", "clusterport-fingerprint");
  const fingerprint = buildFingerprint(root);
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.readFileSync(stamp, { encoding: "utf8", flag: "a+" }) === fingerprint;
  if (!built) {
    console.log("Building the app (first start or sources changed)…");
    run(bin("next"), ["build"], "Building the app");
    fs.writeFileSync(stamp, fingerprint);
  }

  console.log(`\nClusterport is starting at ${config.appUrl}`);
  console.log(`Demo account: ${demoAccount.email} / ${demoAccount.password} (Business plan)\n`);
  const server = spawn(bin("tsx"), [path.join(root, "scripts", "serve.ts")], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

void main();
