/** `helm upgrade --install <release> <chart> --namespace <ns> --create-namespace --version <v> [--set k=v …]` */
export function helmInstallLine(
  release: string,
  chart: string,
  namespace: string,
  version: string,
  sets: Record<string, string> = {},
): string {
  const flags = Object.entries(sets)
    .map(([k, v]) => ` --set ${k}=${v}`)
    .join("");
  return `helm upgrade --install ${release} ${chart} --namespace ${namespace} --create-namespace --version ${version}${flags}`;
}

/** Helm's verdict line for an applied release. */
export function helmResultLine(release: string, result: "created" | "configured" | "unchanged"): string {
  return result === "created"
    ? `Release "${release}" has been installed. STATUS: deployed`
    : result === "configured"
      ? `Release "${release}" has been upgraded. STATUS: deployed`
      : `Release "${release}" is up to date. STATUS: deployed`;
}
