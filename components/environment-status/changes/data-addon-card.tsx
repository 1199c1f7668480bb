"use client";

import { addonRequestsText } from "@/components/install/addon-requests-text";
import { Button } from "@/components/ui/button";
import { findAddon, type AddonId } from "@/lib/catalog";
import { addStorageChange } from "./add-storage-change";
import { ChangeCard } from "./change-card";
import { cardFailure, type ChangeCardProps } from "./change-card-props";
import { RemoveButton } from "./remove-button";
import { useSimpleChange } from "./use-simple-change";

/** An add-on that keeps data on the NFS storage: what it is, what removing it deletes, where it answers. */
type DataAddon = {
  id: Exclude<AddonId, "remoteApi">;
  name: string;
  what: string;
  data: string;
  url: "grafana" | "jaeger";
};

const monitoring: DataAddon = {
  id: "monitoring",
  name: "Monitoring",
  what: "Prometheus and Grafana with cluster dashboards, on 8 GiB and 5 GiB volumes of the NFS storage.",
  data: "Prometheus's metrics and Grafana's dashboards are deleted with it, and cannot be recovered.",
  url: "grafana",
};

const tracing: DataAddon = {
  id: "tracing",
  name: "Tracing",
  what: "Jaeger distributed tracing (with cert-manager), keeping traces on a 5 GiB volume of the NFS storage.",
  data: "The stored traces are deleted with it, and cannot be recovered.",
  url: "jaeger",
};

/** A data add-on: on (with its URL) and removable, or off and activatable once there is storage. */
function DataAddonCard({ addon: a, snapshot, disabled, timeScale }: ChangeCardProps & { addon: DataAddon }) {
  const { environment } = snapshot;
  const simple = useSimpleChange(environment.name, timeScale);
  const on = environment.addons[a.id];
  const url = snapshot.plan.endpoints[a.url];
  return (
    <>
      <ChangeCard
        id={`change-${a.id}`}
        title={a.name}
        failure={cardFailure(snapshot, ["addons", "remove-addon"], a.name)}
        state={
          on
            ? url
              ? `On: ${url}`
              : "On."
            : environment.storage
              ? `Off. ${a.what}`
              : `Off. ${a.name} needs NFS storage: add storage first.`
        }
      >
        {on ? (
          <RemoveButton
            change={{
              action: "remove-addon",
              title: `Remove ${a.name}`,
              description: a.data,
              body: { addon: a.id },
              confirmLabel: `Remove ${a.name}`,
            }}
            disabled={disabled}
            open={simple.open}
          />
        ) : environment.storage ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={disabled}
            aria-label={`Activate ${a.name}`}
            onClick={() =>
              simple.open({
                action: "addons",
                title: `Activate ${a.name}`,
                description: [a.what, addonRequestsText(findAddon(a.id)?.workloads ?? [])].filter(Boolean).join(" "),
                body: { [a.id]: true },
                confirmLabel: `Activate ${a.name}`,
              })
            }
          >
            Activate
          </Button>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            disabled={disabled}
            aria-label={`Add storage for ${a.name}`}
            onClick={() => simple.open(addStorageChange(environment.topology))}
          >
            Add storage
          </Button>
        )}
      </ChangeCard>
      {simple.dialog}
    </>
  );
}

export function MonitoringCard(props: ChangeCardProps) {
  return <DataAddonCard addon={monitoring} {...props} />;
}

export function TracingCard(props: ChangeCardProps) {
  return <DataAddonCard addon={tracing} {...props} />;
}
