"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { nodeGroups, topologies } from "@/lib/catalog";
import { ChangeCard } from "./change-card";
import { cardFailure, type ChangeCardProps } from "./change-card-props";
import { ScaleWorkersDialog } from "./scale-workers-dialog";

/** Workers: how many and which, scaled within the plan's quota. */
export function WorkersCard({ snapshot, disabled, timeScale }: ChangeCardProps) {
  const [open, setOpen] = useState(false);
  const { environment } = snapshot;
  const groups = snapshot.plan.nodeGroups;
  const workers = groups.find((g) => g.id === nodeGroups.workers.id)?.nodes.map((n) => n.id) ?? [];
  return (
    <>
      <ChangeCard
        id="change-workers"
        title="Workers"
        state={`${workers.length} (${workers.join(", ")}); scalable within your plan's quota.`}
        failure={cardFailure(snapshot, ["scale-workers", "rollback"])}
      >
        <Button variant="secondary" size="sm" disabled={disabled} onClick={() => setOpen(true)}>
          Scale workers
        </Button>
      </ChangeCard>
      <ScaleWorkersDialog
        open={open}
        onOpenChange={setOpen}
        name={environment.name}
        workers={workers}
        controlPlanes={groups.find((g) => g.id === nodeGroups.controlPlane.id)?.count ?? 1}
        minWorkers={topologies[environment.topology].minWorkers}
        timeScale={timeScale}
      />
    </>
  );
}
