import type { OperationStepSpec } from "../create-operation";

/** a → (b, c) → d, each a stub "effect" step: the critical path is a + c + d = 10 + 30 + 5 = 45 s. */
export const diamond: OperationStepSpec[] = [
  { key: "a", name: "effect", title: "A", stage: "prepare", dependsOn: [], estimatedSeconds: 10 },
  { key: "b", name: "effect", title: "B", stage: "prepare", dependsOn: ["a"], estimatedSeconds: 20 },
  { key: "c", name: "effect", title: "C", stage: "prepare", dependsOn: ["a"], estimatedSeconds: 30 },
  { key: "d", name: "effect", title: "D", stage: "prepare", dependsOn: ["b", "c"], estimatedSeconds: 5 },
];
