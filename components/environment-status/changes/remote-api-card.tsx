"use client";

import { Button } from "@/components/ui/button";
import { ChangeCard } from "./change-card";
import { cardFailure, type ChangeCardProps } from "./change-card-props";
import { useSimpleChange } from "./use-simple-change";

/** Remote API access: whether the cluster's Kubernetes API answers kubectl from outside. */
export function RemoteApiCard({ snapshot, disabled, timeScale }: ChangeCardProps) {
  const { environment } = snapshot;
  const simple = useSimpleChange(environment.name, timeScale);
  const on = environment.addons.remoteApi;
  return (
    <>
      <ChangeCard
        id="change-remote-api"
        title="Remote API access"
        failure={cardFailure(snapshot, ["remote-api"]) ?? cardFailure(snapshot, ["addons"], "Remote API")}
        state={
          on
            ? `On: ${environment.kubernetesApi} for kubectl with the admin token.`
            : "Off: the API is reachable only from inside the cluster's network."
        }
      >
        <Button
          variant="secondary"
          size="sm"
          disabled={disabled}
          onClick={() =>
            simple.open(
              on
                ? {
                    action: "remote-api",
                    title: "Turn Remote API access off",
                    description: `kubectl and scripts using ${environment.kubernetesApi} stop working; the dashboard and your applications are not affected.`,
                    body: { enabled: false },
                    confirmLabel: "Turn off",
                    tone: "danger",
                  }
                : {
                    action: "remote-api",
                    title: "Turn Remote API access on",
                    description: `Exposes the Kubernetes API at ${environment.kubernetesApi} for kubectl, authenticated with the admin token.`,
                    body: { enabled: true },
                    confirmLabel: "Turn on",
                  },
            )
          }
        >
          {on ? "Turn off" : "Turn on"}
        </Button>
      </ChangeCard>
      {simple.dialog}
    </>
  );
}
