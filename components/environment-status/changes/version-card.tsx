"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { nodeGroups } from "@/lib/catalog";
import { upgradeTargets } from "@/lib/plan";
import { ChangeCard } from "./change-card";
import { cardFailure, type ChangeCardProps } from "./change-card-props";
import { UpgradeDialog } from "./upgrade-dialog";

/** Kubernetes version: the upgrades offered, if any. */
export function VersionCard({ snapshot, disabled, timeScale }: ChangeCardProps) {
  const [open, setOpen] = useState(false);
  const { environment } = snapshot;
  const targets = upgradeTargets(environment.version);
  const newer = [targets.patch, targets.minor].filter((v) => v !== undefined).map((v) => `v${v}`);
  return (
    <>
      <ChangeCard
        id="change-version"
        title="Kubernetes version"
        state={
          newer.length > 0
            ? `v${environment.version}; ${newer.join(" or ")} available.`
            : `v${environment.version}, the newest Clusterport offers.`
        }
        failure={cardFailure(snapshot, ["upgrade"])}
      >
        {newer.length > 0 ? (
          <Button variant="secondary" size="sm" disabled={disabled} onClick={() => setOpen(true)}>
            Upgrade Kubernetes
          </Button>
        ) : null}
      </ChangeCard>
      <UpgradeDialog
        open={open}
        onOpenChange={setOpen}
        name={environment.name}
        version={environment.version}
        workers={snapshot.plan.nodeGroups.find((g) => g.id === nodeGroups.workers.id)?.nodes.length ?? 0}
        timeScale={timeScale}
      />
    </>
  );
}
