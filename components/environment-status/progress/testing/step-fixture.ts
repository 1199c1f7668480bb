import type { StepView } from "@/lib/live/status-snapshot";

/** A StepView for tests: pending, 10 s estimate, unless overridden. */
export function stepFixture(overrides: Partial<StepView> & { key: string }): StepView {
  const [name, node] = overrides.key.split(":");
  return {
    name: name ?? overrides.key,
    title: overrides.key,
    stage: "prepare",
    node: node ?? null,
    status: "pending",
    attempts: 0,
    maxAttempts: 4,
    estimatedMs: 10_000,
    dependsOn: [],
    startedAt: null,
    attemptStartedAt: null,
    finishedAt: null,
    availableAt: null,
    error: null,
    ...overrides,
  };
}
