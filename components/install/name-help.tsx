import type { Availability } from "./use-name-availability";

/** The full domain being chosen and whether it is free, announced politely as the user types. */
export function NameHelp({ domain, check }: { domain: string; check: Availability }) {
  return (
    <span className="block">
      <span className="font-mono break-all">{domain}</span>
      <span aria-live="polite" className="block">
        {check.state === "checking" ? "Checking availability…" : null}
        {check.state === "available" ? <span className="text-green-700">✓ {check.message}</span> : null}
        {check.state === "taken" ? <span className="text-red-700">{check.message}</span> : null}
        {check.state === "error" ? <span className="text-amber-700">{check.message}</span> : null}
      </span>
    </span>
  );
}
