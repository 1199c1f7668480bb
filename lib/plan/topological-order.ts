import { findGraphProblems, type StepLink } from "./find-graph-problems";

/**
 * Every step after all of its dependencies. Among steps that are ready together, the one given first wins,
 * so an input that is already in a sensible order keeps it and the same graph always yields the same list.
 * Throws on a graph that cannot run (duplicate key, unknown dependency, cycle): that is a programming error.
 */
export function topologicalOrder<T extends StepLink>(steps: readonly T[]): T[] {
  const problems = findGraphProblems(steps);
  if (problems.length > 0) throw new Error(`The step graph cannot run: ${problems.join(" ")}`);

  const position = new Map(steps.map((s, i) => [s.key, i]));
  const waitingOn = steps.map((s) => new Set(s.dependsOn).size);
  const dependents: number[][] = steps.map(() => []);
  steps.forEach((s, i) => {
    for (const dep of new Set(s.dependsOn)) dependents[position.get(dep)!]!.push(i);
  });

  const ready = waitingOn.flatMap((n, i) => (n === 0 ? [i] : []));
  const ordered: T[] = [];
  while (ready.length > 0) {
    // Graphs are a few dozen steps; a linear scan for the earliest ready step is simpler than a heap.
    const at = ready.indexOf(Math.min(...ready));
    const [i] = ready.splice(at, 1) as [number];
    ordered.push(steps[i]!);
    for (const next of dependents[i]!) {
      waitingOn[next] = waitingOn[next]! - 1;
      if (waitingOn[next] === 0) ready.push(next);
    }
  }
  return ordered;
}
