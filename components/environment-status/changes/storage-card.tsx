"use client";

import { Button } from "@/components/ui/button";
import { addStorageChange } from "./add-storage-change";
import { ChangeCard } from "./change-card";
import { cardFailure, type ChangeCardProps } from "./change-card-props";
import { useSimpleChange } from "./use-simple-change";

/** NFS storage: its nodes, or the button that adds them. */
export function StorageCard({ snapshot, disabled, timeScale }: ChangeCardProps) {
  const { environment } = snapshot;
  const simple = useSimpleChange(environment.name, timeScale);
  const storageNodes = snapshot.plan.nodeGroups.find((g) => g.id === "storage")?.nodes.map((n) => n.id) ?? [];
  return (
    <>
      <ChangeCard
        id="change-storage"
        title="NFS storage"
        failure={cardFailure(snapshot, ["add-storage"])}
        state={
          environment.storage
            ? `On: ${storageNodes.join(", ")}${storageNodes.length > 1 ? " (GlusterFS replicated)" : ""}, the default StorageClass.`
            : "Off. Monitoring and Tracing keep their data on it."
        }
      >
        {environment.storage ? null : (
          <Button
            variant="secondary"
            size="sm"
            disabled={disabled}
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
