import { applyDaemonSet, type ApplyResult, type Sim } from "@/lib/engine/sim";
import { components } from "./component-versions";

/** node-problem-detector's DaemonSet on the workers (kube-system), shared by install-components and helm-components. */
export function installNodeProblemDetector(sim: Sim): ApplyResult {
  return applyDaemonSet(sim, {
    namespace: "kube-system",
    name: "node-problem-detector",
    image: components.nodeProblemDetector.image,
    labels: { app: "node-problem-detector" },
  });
}
