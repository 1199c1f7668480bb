import { KubeError } from "../kube-status";

/** The KubeError `run` throws (tests of what the API refuses); anything else thrown, or nothing, fails. */
export function kubeErrorOf(run: () => unknown): KubeError {
  try {
    run();
  } catch (e) {
    if (e instanceof KubeError) return e;
    throw e;
  }
  throw new Error("expected a KubeError");
}
