import type { Sim } from "@/lib/engine/sim";
import type { EnvironmentPlan } from "@/lib/plan";

/** The cluster a request reads or writes: its simulation, its plan, and the key its Secrets are sealed with. */
export type KubeContext = { environmentId: string; plan: EnvironmentPlan; sim: Sim; encryptionKey: string };
