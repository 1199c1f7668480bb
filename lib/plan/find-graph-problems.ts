/** The part of a step the graph algorithms need, so the engine can pass its persisted rows as they are. */
export type StepLink = { key: string; dependsOn: readonly string[] };

/**
 * Why a step graph could not run to completion, as sentences; empty when it can. Checked for plans in the
 * tests, and usable by the engine on a graph read back from storage.
 */
export function findGraphProblems(steps: readonly StepLink[]): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const step of steps) {
    if (keys.has(step.key)) problems.push(`Step key "${step.key}" is used more than once.`);
    keys.add(step.key);
  }
  for (const step of steps) {
    for (const dep of step.dependsOn) {
      if (!keys.has(dep)) problems.push(`Step "${step.key}" depends on "${dep}", which is not in the graph.`);
    }
  }
  if (problems.length > 0) return problems;

  // Kahn's algorithm: whatever never becomes ready sits on, or behind, a cycle.
  const waitingOn = new Map(steps.map((s) => [s.key, new Set(s.dependsOn).size]));
  const dependents = new Map<string, string[]>(steps.map((s) => [s.key, []]));
  for (const s of steps) for (const dep of new Set(s.dependsOn)) dependents.get(dep)?.push(s.key);
  const ready = steps.filter((s) => waitingOn.get(s.key) === 0).map((s) => s.key);
  let done = 0;
  while (ready.length > 0) {
    const key = ready.pop()!;
    done++;
    for (const next of dependents.get(key) ?? []) {
      const left = (waitingOn.get(next) ?? 0) - 1;
      waitingOn.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (done < steps.length) {
    const stuck = steps.filter((s) => (waitingOn.get(s.key) ?? 0) > 0).map((s) => s.key);
    problems.push(`Steps ${stuck.map((k) => `"${k}"`).join(", ")} are on or behind a dependency cycle.`);
  }
  return problems;
}
