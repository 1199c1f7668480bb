"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { nodeGroups } from "@/lib/catalog";
import { AutoscalingDialog } from "./autoscaling-dialog";
import { ChangeCard } from "./change-card";
import { cardFailure, type ChangeCardProps } from "./change-card-props";
import { useSimpleChange } from "./use-simple-change";

/** Worker autoscaling: its range, or off. */
export function AutoscalingCard({ snapshot, disabled, timeScale }: ChangeCardProps) {
  const [open, setOpen] = useState(false);
  const { environment } = snapshot;
  const simple = useSimpleChange(environment.name, timeScale);
  const workers = snapshot.plan.nodeGroups.find((g) => g.id === nodeGroups.workers.id)?.nodes.length ?? 0;
  return (
    <>
      <ChangeCard
        id="change-autoscaling"
        title="Worker autoscaling"
        state={
          environment.autoscaling
            ? `On: ${environment.autoscaling.minWorkers}–${environment.autoscaling.maxWorkers} workers. Workers are added when pods wait for room and removed when idle.`
            : "Off. Clusterport can add workers when pods wait for room and remove idle ones, within a range you set."
        }
        failure={cardFailure(snapshot, ["autoscaling"])}
      >
        <Button variant="secondary" size="sm" disabled={disabled} onClick={() => setOpen(true)}>
          {environment.autoscaling ? "Change range" : "Turn autoscaling on"}
        </Button>
        {environment.autoscaling ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={disabled}
            aria-label="Turn worker autoscaling off"
            onClick={() =>
              simple.open({
                action: "autoscaling",
                title: "Turn worker autoscaling off",
                description:
                  "The workers stay as they are now; pods that do not fit wait Pending until you scale workers.",
                body: { enabled: false },
                confirmLabel: "Turn off",
              })
            }
          >
            Turn off
          </Button>
        ) : null}
      </ChangeCard>
      <AutoscalingDialog
        open={open}
        onOpenChange={setOpen}
        name={environment.name}
        workers={workers}
        current={environment.autoscaling}
        timeScale={timeScale}
      />
      {simple.dialog}
    </>
  );
}
