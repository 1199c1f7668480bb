"use client";

import type { StatusSnapshot } from "@/lib/live/status-snapshot";
import { StatusSection } from "../status-section";
import { changeCards } from "./change-cards";

/**
 * Day 2: what can be changed on the running cluster — workers, Kubernetes version, storage, add-ons, its
 * certificate, registry credentials, remote API access — each with its state, its button, and why it is not
 * possible now when it is not. Each opens a dialog that shows the plan diff before anything happens.
 */
export function ChangesSection({
  snapshot,
  blocked,
  timeScale,
}: {
  snapshot: StatusSnapshot;
  blocked: string | null;
  timeScale: number;
}) {
  return (
    <StatusSection id="changes" title="Changes">
      {blocked ? (
        <p className="mb-3 text-sm text-slate-600" role="note">
          {blocked}
        </p>
      ) : null}
      <ul className="flex flex-col">
        {changeCards.map(({ key, Card }) => (
          <Card key={key} snapshot={snapshot} disabled={blocked !== null} timeScale={timeScale} />
        ))}
      </ul>
    </StatusSection>
  );
}
