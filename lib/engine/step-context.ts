import type { DnsAnswer } from "@/lib/dns/dns-resolver";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import type { NamedFault } from "./faults";
import type { Random } from "./random";
import type { Sim } from "./sim";

/** Health report line, as in the reference package's "Cluster Health Check Report". */
export type HealthLine = { component: string; status: "OK" | "FAIL" | "Not enabled"; detail?: string };

/** Encrypted-at-rest secrets of the environment, loaded with the step and written back in its transaction. */
export type SecretStore = {
  put(name: string, value: string): void;
  get(name: string): string | undefined;
  delete(name: string): void;
  /** Teardown: deletes every secret, including names no step knows; returns their names. */
  deleteAll(): string[];
};

/**
 * What a step handler gets. A handler runs synchronously on the environment's simulated infrastructure, loaded
 * inside the transaction that also records the step's outcome; its effects are written back in that same
 * transaction, so they and the step's completion commit together or not at all: a crash can never leave an
 * effect without its step marked done. Handlers must still check the model before acting (idempotent),
 * because a step may be attempted more than once.
 */
export type StepContext = {
  /** The environment's machines and Kubernetes objects. */
  sim: Sim;
  environment: {
    id: string;
    name: string;
    domain: string;
    region: string;
    settings: InstallSettings;
    plan: EnvironmentPlan;
  };
  operation: { id: string; type: string };
  step: { key: string; name: string; node?: string; attempt: number; maxAttempts: number };
  /** Simulated "now" (ISO string as stored, and Date). */
  now: Date;
  random: Random;
  faults: ReadonlySet<NamedFault>;
  secrets: SecretStore;
  /**
   * The answers, looked up just before the handler runs, for the names its `resolves` asked for (through the
   * resolver the platform is configured with): handlers stay synchronous and see one answer per attempt.
   */
  dns: ReadonlyMap<string, DnsAnswer>;
  /** A log line an operator would recognise, e.g. "[kubeadm] [init] Using Kubernetes version: v1.37.1". */
  log(message: string, level?: "info" | "warn" | "error"): void;
};

/** JSON-serialisable output recorded on the step (e.g. the health report of check-health). */
export type StepOutput = Record<string, unknown>;

export type StepHandler = ((ctx: StepContext) => StepOutput | void) & {
  /** Names the step needs resolved in DNS before it runs; their answers are in `ctx.dns`. */
  resolves?(environment: StepContext["environment"]): readonly string[];
};
