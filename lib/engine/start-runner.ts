import { hostname } from "node:os";
import { database } from "@/lib/db/database";
import { createSystemResolver } from "@/lib/dns/create-system-resolver";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { realClock } from "./clock";
import { createRunner, type Runner } from "./runner";
import { simulatedDnsResolver } from "./simulated-dns-resolver";
import { stepHandlers } from "./steps";

const holder = globalThis as unknown as { __runner?: Runner };

/** Starts this process's runner once (the web server's instrumentation hook, or `npm run worker`). */
export function startRunner(role: "web" | "worker"): Runner {
  if (holder.__runner) return holder.__runner;
  const config = env();
  const runner = createRunner({
    pool: database(),
    clock: realClock(config.engine.timeScale),
    handlers: stepHandlers,
    encryptionKey: config.encryptionKey,
    owner: `${role}:${hostname()}:${process.pid}`,
    concurrency: config.engine.concurrency,
    leaseMarginMs: config.engine.leaseMarginMs,
    dns: config.dnsResolver === "system" ? createSystemResolver() : simulatedDnsResolver,
    gatherMs: 5,
    onOutcome: (step, outcome) => {
      if (outcome !== "succeeded")
        logger.info({ step: step.key, operation: step.operationId, outcome }, "step outcome");
    },
    onError: (err) => logger.error({ err }, "engine error"),
  });
  runner.start();
  holder.__runner = runner;
  logger.info({ owner: runner.owner, timeScale: config.engine.timeScale }, "provisioning engine started");
  return runner;
}
