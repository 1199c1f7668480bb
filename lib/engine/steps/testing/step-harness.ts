import { randomBytes, randomUUID } from "node:crypto";
import { findAccountPlan, nodeGroups } from "@/lib/catalog";
import type { DnsAnswer } from "@/lib/dns/dns-resolver";
import { createSecretState, createSecretStore, type SecretState } from "@/lib/engine/create-secret-store";
import type { NamedFault } from "@/lib/engine/faults";
import { seededRandom } from "@/lib/engine/random";
import { createSim, createSimModel, ingressAddressFor, type Sim, type SimModel } from "@/lib/engine/sim";
import type { StepContext, StepOutput } from "@/lib/engine/step-context";
import { StepError } from "@/lib/engine/step-error";
import { computePlan, type EnvironmentPlan } from "@/lib/plan";
import { defaultInstallSettings, type InstallSettings } from "@/lib/validations/install-settings";
import { stepHandlers } from "../index";

export type HarnessStep = { key: string; name: string; node?: string };
/**
 * What the steps' DNS look-ups answer, by name: "here" is the cluster's ingress address, else the answer given;
 * a name left out does not resolve.
 */
export type HarnessDns = Record<string, "here" | DnsAnswer>;
/** `dns`: answers for this run, over the harness's own. */
export type RunOptions = { faults?: NamedFault[]; attempt?: number; dns?: HarnessDns };
export type SimSnapshot = { machines: unknown[]; objects: unknown[]; secrets: string[] };

export type StepHarness = {
  environment: StepContext["environment"];
  plan: EnvironmentPlan;
  /** The committed infrastructure, for inspection (and tampering, in tests of damaged clusters). */
  model: SimModel;
  /** A Sim over the committed model. */
  sim(): Sim;
  /** Runs a handler as the engine does, on a copy of the model that becomes the model only if it succeeds. */
  run(step: HarnessStep, options?: RunOptions): StepOutput | void;
  /** Runs a handler and keeps its changes even when it throws; returns the error: shows what a failing handler did. */
  attempt(step: HarnessStep, options?: RunOptions): StepError | undefined;
  /** Runs steps in order; stops at the first failure and rethrows it. Returns outputs by key. */
  runAll(steps: readonly HarnessStep[], options?: RunOptions): Map<string, StepOutput | void>;
  snapshot(): SimSnapshot;
  logLines(): { stepKey: string; level: string; message: string }[];
  secret(name: string): string | undefined;
  /** Stores or deletes a secret as a handler would (for tests that tamper with the store). */
  putSecret(name: string, value: string): void;
  deleteSecret(name: string): void;
  /** The simulated clock; each run advances it by one second. */
  now(): Date;
};

/**
 * Step handlers in isolation, in memory: one environment whose settings are the dialog's defaults overridden by
 * `settings` (plan from computePlan), its simulated infrastructure and secrets, and step contexts like the
 * engine's (a random seeded per environment/step/attempt, AES-GCM secrets, log lines). Handlers are pure over
 * the model, so this is exactly what they see in the engine; persisting the model is tested with the store.
 */
export function createStepHarness(
  input: { settings?: Partial<InstallSettings>; name?: string; dns?: HarnessDns } = {},
): StepHarness {
  const name = input.name ?? "demo";
  const settings: InstallSettings = { ...defaultInstallSettings(name, "eu-central"), ...input.settings, name };
  const plan = computePlan(settings, { plan: findAccountPlan("business")!, environmentsInUse: 0 });
  const id = randomUUID();
  const key = randomBytes(32).toString("base64");
  let clock = new Date("2026-01-01T00:00:00.000Z").getTime();
  const environment: StepContext["environment"] = {
    id,
    name,
    domain: plan.domain,
    region: settings.region,
    settings,
    plan,
  };
  const operationId = randomUUID();
  let model = createSimModel(id);
  let secrets: SecretState = createSecretState([]);
  const logs: { stepKey: string; level: string; message: string }[] = [];

  /** A working copy, as the engine loads one per step. */
  const copy = () => {
    const m = createSimModel(
      id,
      [...model.machines.values()],
      [...model.objects.values()].map((o) => structuredClone(o)),
    );
    for (const machine of m.machines.values()) machine.facts = structuredClone(machine.facts);
    const s = createSecretState([...secrets.ciphertexts].map(([n, c]) => ({ name: n, ciphertext: c })));
    return { m, s };
  };

  const execute = (step: HarnessStep, options: RunOptions, keepOnFailure: boolean) => {
    clock += 1000;
    const now = new Date(clock);
    const attempt = options.attempt ?? 1;
    const { m, s } = copy();
    const lines: typeof logs = [];
    const ctx: StepContext = {
      sim: createSim(m, now),
      environment,
      operation: { id: operationId, type: "install" },
      step: {
        key: step.key,
        name: step.name,
        ...(step.node === undefined ? {} : { node: step.node }),
        attempt,
        maxAttempts: 4,
      },
      now,
      random: seededRandom(`${id}:${operationId}:${step.key}:${attempt}`),
      faults: new Set(options.faults ?? []),
      secrets: createSecretStore(s, key),
      dns: new Map(
        Object.entries({ ...input.dns, ...options.dns }).map(([domain, a]) => [
          domain,
          a === "here" ? { name: domain, cnames: [], addresses: [ingressAddressFor(id)] } : a,
        ]),
      ),
      log: (message, level = "info") => lines.push({ stepKey: step.key, level, message }),
    };
    const handler = stepHandlers[step.name];
    if (!handler) throw new Error(`No handler for step ${step.name}`);
    const commit = () => {
      model = m;
      secrets = s;
    };
    try {
      const output = handler(ctx);
      commit();
      logs.push(...lines);
      return output;
    } catch (e) {
      if (keepOnFailure) commit();
      logs.push(...lines);
      throw e;
    }
  };

  const run = (step: HarnessStep, options: RunOptions = {}) => execute(step, options, false);

  return {
    environment,
    plan,
    get model() {
      return model;
    },
    sim: () => createSim(model, new Date(clock)),
    run,
    attempt(step, options = {}) {
      try {
        execute(step, options, true);
        return undefined;
      } catch (e) {
        if (!(e instanceof StepError)) throw e;
        return e;
      }
    },
    runAll(steps, options = {}) {
      const outputs = new Map<string, StepOutput | void>();
      for (const step of steps) outputs.set(step.key, run(step, options));
      return outputs;
    },
    snapshot() {
      const sim = createSim(model, new Date(clock));
      return {
        machines: sim.machines.list(),
        objects: sim.objects.listAll(),
        secrets: [...secrets.ciphertexts.keys()].sort(),
      };
    },
    logLines: () => [...logs],
    secret: (secretName) => createSecretStore(secrets, key).get(secretName),
    putSecret: (secretName, value) => createSecretStore(secrets, key).put(secretName, value),
    deleteSecret: (secretName) => createSecretStore(secrets, key).delete(secretName),
    now: () => new Date(clock),
  };
}

/** The teardown graph in a valid order (as buildTeardownSteps orders it): drain workers, remove machines with k8sm-1 last, clean up. */
export function teardownSteps(h: StepHarness): HarnessStep[] {
  const machines = h
    .sim()
    .machines.list()
    .filter((m) => m.state !== "removed")
    .sort((a, b) => (a.nodeId < b.nodeId ? -1 : 1));
  const workers = machines.filter((m) => m.nodeGroup === nodeGroups.workers.id);
  const firstControlPlane = `${nodeGroups.controlPlane.id}-1`;
  const removals = [
    ...machines.filter((m) => m.nodeId !== firstControlPlane),
    ...machines.filter((m) => m.nodeId === firstControlPlane),
  ];
  return [
    ...workers.map((w) => ({ key: `drain-node:${w.nodeId}`, name: "drain-node", node: w.nodeId })),
    ...removals.map((m) => ({ key: `remove-node:${m.nodeId}`, name: "remove-node", node: m.nodeId })),
    { key: "cleanup-environment", name: "cleanup-environment" },
  ];
}
