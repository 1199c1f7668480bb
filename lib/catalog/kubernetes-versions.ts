import type { KubernetesVersion } from "./types";

/** The four newest Kubernetes minor releases, newest first; the first is the default. */
export const kubernetesVersions: readonly KubernetesVersion[] = [
  { id: "1.37.1", minor: "1.37", releasedOn: "2026-10-14" },
  { id: "1.36.5", minor: "1.36", releasedOn: "2026-10-14" },
  { id: "1.35.9", minor: "1.35", releasedOn: "2026-10-14" },
  { id: "1.34.12", minor: "1.34", releasedOn: "2026-10-14" },
];
